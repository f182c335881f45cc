package io.atspec.grammar.internal;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.SourceLocation;
import io.atspec.grammar.internal.AtSpecParser.*;
import io.atspec.grammar.model.Alias;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.CodeKind;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Completion;
import io.atspec.grammar.model.Edition;
import io.atspec.grammar.model.EnumConstant;
import io.atspec.grammar.model.EnumType;
import io.atspec.grammar.model.ErrorTable;
import io.atspec.grammar.model.FinalResult;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.FormKind;
import io.atspec.grammar.model.Format;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.IntRange;
import io.atspec.grammar.model.ManualReference;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Quoting;
import io.atspec.grammar.model.ResponseFormat;
import io.atspec.grammar.model.SizeRange;
import io.atspec.grammar.model.Timeout;
import io.atspec.grammar.model.TranscriptLine;
import io.atspec.grammar.model.Urc;
import io.atspec.grammar.model.UrcRef;
import io.atspec.grammar.model.UrcReport;
import io.atspec.grammar.model.UsedUrc;
import io.atspec.grammar.model.Value;
import io.atspec.grammar.model.ValueSet;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns a syntactically valid parse tree into the immutable model. Only called when the
 * parser reported no error, so every mandatory child is present; problems the grammar cannot
 * see (a number too large, a duration out of range) are reported, not thrown.
 */
public final class AstBuilder {

    private final Reporter reporter;

    public AstBuilder(Reporter reporter) {
        this.reporter = reporter;
    }

    public Chapter chapter(SpecContext spec) {
        ChapterContext header = spec.chapter();
        String javaPackage = "";
        Optional<String> facade = Optional.empty();
        Optional<ManualReference> manual = Optional.empty();
        String description = "";
        List<Edition> editions = new ArrayList<>();
        List<UsedUrc> uses = new ArrayList<>();
        SingleClauses once = new SingleClauses(reporter, "the chapter header");
        for (ChapterItemContext item : header.chapterItem()) {
            String keyword = item.getStart().getText();
            boolean repeatable = item instanceof EditionItemContext || item instanceof UsesItemContext;
            if (!repeatable && !once.once(keyword, at(item))) {
                continue;
            }
            if (item instanceof PackageItemContext p) {
                javaPackage = p.qualifiedName().getText();
            } else if (item instanceof FacadeItemContext f) {
                facade = Optional.of(name(f.name()));
            } else if (item instanceof ManualItemContext m) {
                manual = Optional.of(new ManualReference(
                        text(m.text()), Optional.ofNullable(m.sectionNumber()).map(ParserRuleContext::getText), at(m)));
            } else if (item instanceof EditionItemContext e) {
                editions.add(new Edition(name(e.name()), text(e.text()), at(e.name())));
            } else if (item instanceof ChapterDescriptionItemContext d) {
                description = text(d.text());
            } else if (item instanceof UsesItemContext u) {
                String from = name(u.name());
                u.urcRef().forEach(r -> uses.add(new UsedUrc(from, urcRef(r).name(), at(r))));
            }
        }
        List<EnumType> enums = new ArrayList<>();
        List<ErrorTable> errorTables = new ArrayList<>();
        List<Command> commands = new ArrayList<>();
        List<Urc> urcs = new ArrayList<>();
        for (DeclarationContext declaration : spec.declaration()) {
            if (declaration.enumDecl() != null) {
                EnumDeclContext e = declaration.enumDecl();
                enums.add(new EnumType(name(e.name()), text(e.text()), entries(e.enumEntry()), at(e.name())));
            } else if (declaration.errorsDecl() != null) {
                ErrorsDeclContext e = declaration.errorsDecl();
                errorTables.add(new ErrorTable(name(e.name()), text(e.text()), entries(e.enumEntry()), at(e.name())));
            } else if (declaration.commandDecl() != null) {
                commands.add(command(declaration.commandDecl()));
            } else if (declaration.urcDecl() != null) {
                urcs.add(urc(declaration.urcDecl()));
            }
        }
        return new Chapter(
                name(header.name()),
                text(header.text()),
                javaPackage,
                facade,
                manual,
                description,
                editions,
                uses,
                enums,
                errorTables,
                commands,
                urcs,
                at(header.name()));
    }

    private Command command(CommandDeclContext c) {
        String atName = c.AT_NAME().getText();
        Optional<String> section = Optional.empty();
        String description = "";
        List<Timeout> timeouts = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        List<Form> forms = new ArrayList<>();
        List<FinalResult> finals = new ArrayList<>();
        List<Alias> aliases = new ArrayList<>();
        List<String> errorTables = new ArrayList<>();
        Optional<ErrorTable> inlineErrors = Optional.empty();
        Optional<Completion> completion = Optional.empty();
        List<io.atspec.grammar.model.Example> examples = new ArrayList<>();
        SingleClauses once = new SingleClauses(reporter, "command " + atName);
        for (CommandItemContext item : c.commandItem()) {
            if (!single(once, item.sectionStmt(), item.descriptionStmt(), item.completionDecl())
                    || item.errorsUse() instanceof ErrorsInlineContext && !once.once("errors { }", at(item))) {
                continue;
            }
            if (item.sectionStmt() != null) {
                section = Optional.of(item.sectionStmt().sectionNumber().getText());
            } else if (item.descriptionStmt() != null) {
                description = text(item.descriptionStmt().text());
            } else if (item.timeoutStmt() != null) {
                TimeoutStmtContext t = item.timeoutStmt();
                timeouts.add(new Timeout(
                        duration(t.DURATION().getSymbol()),
                        Optional.ofNullable(t.name()).map(this::name),
                        at(t.DURATION().getSymbol())));
            } else if (item.paramDecl() != null) {
                parameters.add(parameter(item.paramDecl()));
            } else if (item.formDecl() != null) {
                forms.add(form(item.formDecl()));
            } else if (item.finalDecl() != null) {
                finals.add(finalResult(item.finalDecl()));
            } else if (item.aliasStmt() != null) {
                aliases.addAll(aliases(item.aliasStmt()));
            } else if (item.errorsUse() instanceof ErrorsReferenceContext ref) {
                errorTables.add(name(ref.name()));
            } else if (item.errorsUse() instanceof ErrorsInlineContext inline) {
                inlineErrors = Optional.of(new ErrorTable("", "", entries(inline.enumEntry()), at(inline)));
            } else if (item.completionDecl() != null) {
                completion = Optional.of(completion(atName, item.completionDecl()));
            } else if (item.exampleDecl() != null) {
                examples.add(example(item.exampleDecl()));
            }
        }
        return new Command(
                atName,
                c.name() != null ? name(c.name()) : defaultJavaName(atName.substring(3)),
                text(c.text()),
                section,
                description,
                timeouts,
                parameters,
                forms,
                finals,
                aliases,
                errorTables,
                inlineErrors,
                completion,
                examples,
                at(c.AT_NAME().getSymbol()));
    }

    private Urc urc(UrcDeclContext u) {
        boolean prefixless = u.STRING() != null;
        String prefix = prefixless ? unquote(u.STRING().getText()) : prefixName(u.PREFIX());
        Optional<String> section = Optional.empty();
        String description = "";
        List<Alias> aliases = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        List<UrcReport> reports = new ArrayList<>();
        List<io.atspec.grammar.model.Example> examples = new ArrayList<>();
        boolean reboot = false;
        SingleClauses once = new SingleClauses(reporter, "URC " + prefix);
        for (UrcItemContext item : u.urcItem()) {
            if (!single(once, item.sectionStmt(), item.descriptionStmt(), item.rebootStmt())) {
                continue;
            }
            if (item.sectionStmt() != null) {
                section = Optional.of(item.sectionStmt().sectionNumber().getText());
            } else if (item.descriptionStmt() != null) {
                description = text(item.descriptionStmt().text());
            } else if (item.paramDecl() != null) {
                parameters.add(parameter(item.paramDecl()));
            } else if (item.reportDecl() != null) {
                ReportDeclContext r = item.reportDecl();
                reports.add(new UrcReport(
                        Optional.ofNullable(r.name()).map(this::name),
                        r.format() != null ? format(r.format()) : Format.empty(),
                        at(r)));
            } else if (item.aliasStmt() != null) {
                aliases.addAll(aliases(item.aliasStmt()));
            } else if (item.rebootStmt() != null) {
                reboot = true;
            } else if (item.exampleDecl() != null) {
                examples.add(example(item.exampleDecl()));
            }
        }
        Token nameToken = prefixless ? u.STRING().getSymbol() : u.PREFIX().getSymbol();
        return new Urc(
                prefix,
                prefixless,
                u.name() != null ? name(u.name()) : defaultJavaName(prefix.replaceAll("[^A-Za-z0-9]", "")),
                text(u.text()),
                section,
                description,
                aliases,
                parameters,
                reports,
                examples,
                reboot,
                at(nameToken));
    }

    /** Records whichever of the once-only clauses is present; false when it is a repeat. */
    private boolean single(SingleClauses once, ParserRuleContext... clauses) {
        for (ParserRuleContext clause : clauses) {
            if (clause != null) {
                String keyword = clause instanceof RebootStmtContext
                        ? "indicates reboot"
                        : clause.getStart().getText();
                return once.once(keyword, at(clause));
            }
        }
        return true;
    }

    private Parameter parameter(ParamDeclContext p) {
        Quoting quoting = Quoting.DEFAULT;
        boolean secret = false;
        boolean optional = false;
        Optional<Value> defaultValue = Optional.empty();
        Optional<String> derived = Optional.empty();
        SingleClauses once = new SingleClauses(reporter, "<" + name(p.name()) + ">");
        for (ParamModifierContext modifier : p.paramModifier()) {
            String keyword = modifier instanceof DerivedModifierContext
                    ? "= length(...)"
                    : modifier.getStart().getText();
            if (modifier instanceof QuotedModifierContext) {
                once.exclusive("quoted", "unquoted", at(modifier));
                once.exclusive("quoted", "rest", at(modifier));
            } else if (modifier instanceof UnquotedModifierContext) {
                once.exclusive("unquoted", "quoted", at(modifier));
                once.exclusive("unquoted", "rest", at(modifier));
            } else if (modifier instanceof RestModifierContext) {
                once.exclusive("rest", "quoted", at(modifier));
                once.exclusive("rest", "unquoted", at(modifier));
            }
            if (!once.once(keyword, at(modifier))) {
                continue;
            }
            if (modifier instanceof QuotedModifierContext) {
                quoting = Quoting.QUOTED;
            } else if (modifier instanceof UnquotedModifierContext) {
                quoting = Quoting.UNQUOTED;
            } else if (modifier instanceof RestModifierContext) {
                quoting = Quoting.REST_OF_LINE;
            } else if (modifier instanceof SecretModifierContext) {
                secret = true;
            } else if (modifier instanceof OptionalModifierContext) {
                optional = true;
            } else if (modifier instanceof DefaultModifierContext d) {
                defaultValue = Optional.of(value(d.value()));
            } else if (modifier instanceof DerivedModifierContext d) {
                derived = Optional.of(name(d.name()));
            }
        }
        return new Parameter(
                name(p.name()),
                type(p.typeExpr()),
                quoting,
                secret,
                optional,
                defaultValue,
                derived,
                text(p.text()),
                at(p.name()));
    }

    private ParamType type(TypeExprContext t) {
        SourceLocation where = at(t);
        if (t instanceof IntTypeContext i) {
            return new ParamType.IntType(i.valueSet() != null ? valueSet(i.valueSet()) : ValueSet.any(), where);
        }
        if (t instanceof StringTypeContext s) {
            ParamType.TextKind kind = s.HEX_TYPE() != null
                    ? ParamType.TextKind.HEX
                    : s.PATH_TYPE() != null ? ParamType.TextKind.PATH : ParamType.TextKind.STRING;
            SizeRange size = SizeRange.unbounded(where);
            if (s.sizeSpec() instanceof SizeBoundsContext bounds) {
                size = sizeRange(bounds.sizeRange());
            } else if (s.sizeSpec() instanceof SizeFieldContext field) {
                reporter.error(
                        at(field.name()),
                        "only a bytes payload can be sized by another field; give "
                                + s.getStart().getText()
                                + " a size range such as (1..2048)");
            }
            return new ParamType.TextType(kind, size, where);
        }
        if (t instanceof BytesTypeContext b) {
            if (b.sizeSpec() instanceof SizeFieldContext field) {
                return new ParamType.BytesType(new ParamType.SizedBy(name(field.name()), at(field.name())), where);
            }
            SizeRange size = b.sizeSpec() instanceof SizeBoundsContext bounds
                    ? sizeRange(bounds.sizeRange())
                    : SizeRange.unbounded(where);
            return new ParamType.BytesType(new ParamType.Bounded(size), where);
        }
        if (t instanceof RawBytesTypeContext r) {
            List<String> terminators =
                    r.PREFIX().stream().map(AstBuilder::prefixName).toList();
            return new ParamType.BytesType(new ParamType.UntilUrc(terminators, r.HTTP() != null, where), where);
        }
        NamedTypeContext named = (NamedTypeContext) t;
        return new ParamType.EnumRef(name(named.name()), where);
    }

    private SizeRange sizeRange(SizeRangeContext r) {
        List<TerminalNode> ints = r.INT();
        SourceLocation where = at(r);
        if (r.RANGE() == null) {
            // (32): exactly 32 bytes.
            long exact = number(ints.get(0).getSymbol());
            return new SizeRange(exact, Optional.of(exact), where);
        }
        boolean leadingRange = r.getStart().getType() == AtSpecLexer.RANGE;
        if (leadingRange) {
            return new SizeRange(0, Optional.of(number(ints.get(0).getSymbol())), where);
        }
        long min = number(ints.get(0).getSymbol());
        Optional<Long> max = ints.size() > 1 ? Optional.of(number(ints.get(1).getSymbol())) : Optional.empty();
        return new SizeRange(min, max, where);
    }

    private ValueSet valueSet(ValueSetContext v) {
        List<IntRange> ranges = new ArrayList<>();
        for (ValueItemContext item : v.valueItem()) {
            BigInteger min = value64(item.INT(0).getSymbol());
            BigInteger max = item.INT().size() > 1 ? value64(item.INT(1).getSymbol()) : min;
            ranges.add(new IntRange(min, max, at(item)));
        }
        return new ValueSet(ranges);
    }

    private Form form(FormDeclContext f) {
        FormKind kind = FormKind.valueOf(f.formKind().getText().toUpperCase(java.util.Locale.ROOT));
        List<ResponseFormat> responses = new ArrayList<>();
        for (ResponseContext r : f.response()) {
            responses.add(new ResponseFormat(
                    prefixName(r.PREFIX()),
                    r.format() != null ? format(r.format()) : Format.empty(),
                    r.FINAL() != null,
                    at(r),
                    Optional.ofNullable(r.name()).map(this::name)));
        }
        return new Form(
                kind,
                Optional.ofNullable(f.name()).map(this::name),
                f.format() != null ? format(f.format()) : Format.empty(),
                Optional.ofNullable(f.promptClause()).map(p -> name(p.name())),
                responses,
                at(f));
    }

    private Format format(FormatContext f) {
        List<FormatItem> items = new ArrayList<>();
        for (ParserRuleContext child : f.getRuleContexts(ParserRuleContext.class)) {
            if (child instanceof FieldItemContext field) {
                items.add(new FormatItem.Field(
                        name(field.name()), Optional.ofNullable(field.value()).map(this::value), at(field)));
            } else if (child instanceof TextItemContext textItem) {
                items.add(new FormatItem.Text(unquote(textItem.STRING().getText()), at(textItem)));
            } else if (child instanceof GroupItemContext group) {
                items.add(optionalGroup(group.optionalGroup()));
            } else if (child instanceof OptionalGroupContext group) {
                items.add(optionalGroup(group));
            }
        }
        return new Format(items);
    }

    private FormatItem.OptionalGroup optionalGroup(OptionalGroupContext group) {
        return new FormatItem.OptionalGroup(format(group.format()), at(group));
    }

    private FinalResult finalResult(FinalDeclContext f) {
        List<TerminalNode> strings = f.STRING();
        FinalShapeContext shaped = f.finalShape();
        List<String> aliases = new ArrayList<>();
        for (int i = shaped == null ? 1 : 0; i < strings.size(); i++) {
            aliases.add(unquote(strings.get(i).getText()));
        }
        Optional<FinalResult.Shape> shape = Optional.ofNullable(shaped)
                .map(s -> new FinalResult.Shape(
                        name(s.name()),
                        prefixName(s.PREFIX()),
                        s.format() != null ? format(s.format()) : Format.empty(),
                        at(s.PREFIX().getSymbol())));
        return new FinalResult(
                shape.map(FinalResult.Shape::wirePrefix)
                        .orElseGet(() -> unquote(strings.get(0).getText())),
                f.OK() != null,
                text(f.text()),
                aliases,
                Optional.ofNullable(f.name()).map(this::name),
                shape,
                shaped != null ? at(shaped) : at(f.STRING(0).getSymbol()));
    }

    private List<Alias> aliases(AliasStmtContext a) {
        List<Alias> aliases = new ArrayList<>();
        for (AliasNameContext alias : a.aliasName()) {
            String aliasName = alias.PREFIX() != null
                    ? prefixName(alias.PREFIX())
                    : alias.STRING() != null ? unquote(alias.STRING().getText()) : alias.getText();
            aliases.add(new Alias(aliasName, at(alias)));
        }
        return aliases;
    }

    private Completion completion(String atName, CompletionDeclContext c) {
        List<String> collect = new ArrayList<>();
        Optional<Completion.UntilUrc> until = Optional.empty();
        Optional<Completion.Poll> poll = Optional.empty();
        List<UrcRef> abortOn = new ArrayList<>();
        List<String> headersOnly = new ArrayList<>();
        Optional<Completion.Matching> matching = Optional.empty();
        Optional<Completion.FieldValues> failsWhen = Optional.empty();
        SingleClauses once = new SingleClauses(reporter, "the completion of " + atName);
        for (CompletionClauseContext clause : c.completionClause()) {
            // Collected prefixes add up; the end of the wait is said once, one way.
            if (clause instanceof UntilClauseContext) {
                once.exclusive("until", "poll", at(clause));
            } else if (clause instanceof PollClauseContext) {
                once.exclusive("poll", "until", at(clause));
            }
            if (!(clause instanceof CollectClauseContext)
                    && !(clause instanceof AbortClauseContext)
                    && !(clause instanceof HeadersOnlyClauseContext)
                    && !once.once(clause.getStart().getText(), at(clause))) {
                continue;
            }
            if (clause instanceof AbortClauseContext a) {
                a.urcRef().forEach(r -> abortOn.add(urcRef(r)));
            } else if (clause instanceof HeadersOnlyClauseContext h) {
                h.name().forEach(n -> headersOnly.add(name(n)));
            } else if (clause instanceof CollectClauseContext col) {
                col.PREFIX().forEach(p -> collect.add(prefixName(p)));
            } else if (clause instanceof UntilClauseContext u) {
                until = Optional.of(new Completion.UntilUrc(
                        prefixName(u.PREFIX()),
                        u.name().isEmpty() ? Optional.empty() : Optional.of(fieldValues(u.name(0), u.whenValues(), u)),
                        u.name().size() > 1 ? Optional.of(name(u.name(1))) : Optional.empty(),
                        at(u.PREFIX().getSymbol())));
            } else if (clause instanceof MatchingClauseContext m) {
                matching = Optional.of(new Completion.Matching(
                        name(m.name(0)), m.name().size() > 1 ? Optional.of(name(m.name(1))) : Optional.empty(), at(m)));
            } else if (clause instanceof FailsClauseContext fails) {
                failsWhen = Optional.of(fieldValues(fails.name(), fails.whenValues(), fails));
            } else if (clause instanceof PollClauseContext p) {
                poll = Optional.of(new Completion.Poll(
                        p.AT_NAME().getText(),
                        name(p.name()),
                        valueSet(p.valueSet()),
                        Optional.ofNullable(p.DURATION()).map(d -> duration(d.getSymbol())),
                        at(p.AT_NAME().getSymbol())));
            }
        }
        return new Completion(
                Optional.ofNullable(c.DURATION()).map(d -> duration(d.getSymbol())),
                c.name().stream().map(this::name).toList(),
                collect,
                until,
                poll,
                abortOn,
                headersOnly,
                matching,
                failsWhen,
                at(c));
    }

    /** {@code <field> in 0|1..3}, {@code <field> in OK|FAIL}, {@code <field> in "Link Closed"}. */
    private Completion.FieldValues fieldValues(NameContext field, WhenValuesContext values, ParserRuleContext where) {
        List<IntRange> ranges = new ArrayList<>();
        List<Value> words = new ArrayList<>();
        for (WhenValueContext item : values.whenValue()) {
            if (!item.INT().isEmpty()) {
                long min = number(item.INT(0).getSymbol());
                long max = item.INT().size() > 1 ? number(item.INT(1).getSymbol()) : min;
                ranges.add(new IntRange(min, max, at(item)));
            } else if (item.STRING() != null) {
                words.add(new Value(unquote(item.STRING().getText()), CodeKind.QUOTED, at(item)));
            } else {
                words.add(new Value(item.getText(), CodeKind.WORD, at(item)));
            }
        }
        return new Completion.FieldValues(name(field), new ValueSet(ranges), words, at(where));
    }

    private io.atspec.grammar.model.Example example(ExampleDeclContext e) {
        List<TranscriptLine> lines = new ArrayList<>();
        for (TranscriptLineContext line : e.transcriptLine()) {
            Token token = line.getStart();
            String raw = stripTrailing(token.getText());
            TranscriptLine.Direction direction;
            int marker;
            if (token.getType() == AtSpecLexer.TX_REFUSED) {
                direction = TranscriptLine.Direction.SENT_REFUSED;
                marker = 2;
            } else if (token.getType() == AtSpecLexer.TX) {
                direction = TranscriptLine.Direction.SENT;
                marker = 1;
            } else {
                direction = TranscriptLine.Direction.RECEIVED;
                marker = 1;
            }
            String content = raw.substring(marker);
            // One space after the marker is layout, not content.
            if (content.startsWith(" ")) {
                content = content.substring(1);
            }
            lines.add(new TranscriptLine(direction, content, at(token)));
        }
        return new io.atspec.grammar.model.Example(exampleTitle(e.EXAMPLE_OPEN().getText()), lines, at(e));
    }

    /** The title inside {@code example "title" {}, or empty when there is none. */
    private static String exampleTitle(String opening) {
        int start = opening.indexOf('"');
        int end = opening.lastIndexOf('"');
        return start >= 0 && end > start ? unquote(opening.substring(start, end + 1)) : "";
    }

    private List<EnumConstant> entries(List<EnumEntryContext> entries) {
        List<EnumConstant> constants = new ArrayList<>();
        for (EnumEntryContext entry : entries) {
            EnumCodeContext code = entry.enumCode();
            CodeKind kind;
            String text;
            if (code.INT() != null) {
                kind = CodeKind.INTEGER;
                text = code.INT().getText();
            } else if (code.STRING() != null) {
                kind = CodeKind.QUOTED;
                text = unquote(code.STRING().getText());
            } else {
                kind = CodeKind.WORD;
                text = code.getText();
            }
            constants.add(new EnumConstant(text, kind, name(entry.name()), text(entry.text()), at(entry)));
        }
        return constants;
    }

    private Value value(ValueContext v) {
        if (v.INT() != null) {
            return new Value(v.INT().getText(), CodeKind.INTEGER, at(v));
        }
        if (v.STRING() != null) {
            return new Value(unquote(v.STRING().getText()), CodeKind.QUOTED, at(v));
        }
        return new Value(v.getText(), CodeKind.WORD, at(v));
    }

    private Duration duration(Token token) {
        String text = token.getText();
        String digits = text.replaceAll("[a-z]+$", "");
        String unit = text.substring(digits.length());
        long amount = number(token, digits);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private long number(Token token) {
        return number(token, token.getText());
    }

    private long number(Token token, String digits) {
        try {
            long value = Long.parseLong(digits);
            if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
                reporter.error(at(token), "number " + digits + " does not fit in a 32-bit int");
            }
            return value;
        } catch (NumberFormatException e) {
            reporter.error(at(token), "number " + digits + " does not fit in a 32-bit int");
            return 0;
        }
    }

    /**
     * An int value: 64 bits, signed or unsigned ({@code 0..18446744073709551615}, the counters of
     * a socket), so that the generator can pick int, long or an unsigned long by the range.
     */
    private BigInteger value64(Token token) {
        BigInteger value = new BigInteger(token.getText());
        if (value.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) < 0
                || value.compareTo(IntRange.UNSIGNED_LONG_MAX) > 0) {
            reporter.error(
                    at(token),
                    "number " + token.getText() + " does not fit in 64 bits (an int field goes from"
                            + " -9223372036854775808 up to the unsigned 18446744073709551615)");
            return BigInteger.ZERO;
        }
        return value;
    }

    private String name(NameContext n) {
        return n.getText();
    }

    /** Adjacent strings join with one space, so a long description can span lines. */
    private static String text(TextContext t) {
        if (t == null) {
            return "";
        }
        return String.join(
                " ", t.STRING().stream().map(s -> unquote(s.getText())).toList());
    }

    private UrcRef urcRef(UrcRefContext r) {
        return new UrcRef(
                r.PREFIX() != null ? prefixName(r.PREFIX()) : unquote(r.STRING().getText()), at(r));
    }

    private static String prefixName(TerminalNode prefix) {
        String text = prefix.getText();
        return text.endsWith(":") ? text.substring(0, text.length() - 1) : text;
    }

    static String unquote(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) {
                char escaped = quoted.charAt(++i);
                out.append(
                        switch (escaped) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            default -> escaped;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String stripTrailing(String line) {
        return line.stripTrailing();
    }

    /** {@code HTTPPARA} -> {@code Httppara}: the spec's {@code as} gives a better name. */
    private static String defaultJavaName(String bare) {
        if (bare.isEmpty()) {
            return "Unnamed";
        }
        String lower = bare.toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private SourceLocation at(ParserRuleContext context) {
        return at(context.getStart());
    }

    private SourceLocation at(Token token) {
        return reporter.at(token.getLine(), token.getCharPositionInLine() + 1);
    }
}
