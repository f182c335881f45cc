package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.atspec.grammar.link.ChapterNames;
import io.atspec.grammar.link.LanguageDefaults;
import io.atspec.grammar.link.LinkedCommand;
import io.atspec.grammar.link.PayloadFraming;
import io.atspec.grammar.model.Alias;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.FinalResult;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.FormKind;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A command as a sealed interface with one record per form: what a host needs, namely static
 * factories that check their arguments, the exact wire line and the runtime descriptor. Reading
 * a command line back (what a module needs) is {@link LineReaders}' job, in the chapter's
 * {@code XxxRequests}.
 */
final class RequestWriter {

    static final ClassName COMMAND_LINE = ClassName.get(Types.BIND, "CommandLine");
    static final ClassName AT_EXCEPTION = ClassName.get(Types.RUNTIME, "AtException");
    private static final ClassName FINAL_LINE = ClassName.get(Types.RUNTIME, "FinalLine");
    private static final ClassName AT_REQUEST = ClassName.get(Types.BIND, "AtRequest");
    private static final ClassName AT_ARGUMENT_EXCEPTION = ClassName.get(Types.RUNTIME, "AtArgumentException");

    private final Types types;
    private final Generated generated;
    private final ShapedLines shapedLines;

    RequestWriter(Types types, Generated generated) {
        this.types = types;
        this.generated = generated;
        this.shapedLines = new ShapedLines(types);
    }

    /** A form's record component: the payload after the prompt, or an argument the user gives. */
    record Component(Parameter parameter, boolean optional, boolean payload) {
        String javaName() {
            return Names.camel(parameter.name());
        }
    }

    /** The form's record, as the linker named it. */
    static String recordName(LinkedCommand command, Form form) {
        return command.form(form).recordName();
    }

    static String factoryName(Form form) {
        return ChapterNames.factoryName(form);
    }

    TypeSpec write(LinkedCommand linked) {
        Command command = linked.source();
        ClassName self = types.local(command.javaName());
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addSuperinterface(AT_REQUEST)
                .addAnnotation(generated.annotation())
                .addJavadoc("$L", javadoc(linked));
        type.addField(FieldSpec.builder(String.class, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The command's name on the wire.\n")
                .initializer("$S", command.name())
                .build());
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(List.class, String.class),
                        "ALIASES",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Other spellings of the name that the manual uses; parsers accept them.\n")
                .initializer(listOf(command.aliases().stream().map(Alias::name).toList()))
                .build());
        type.addField(FieldSpec.builder(Duration.class, "TIMEOUT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        linked.timeoutGiven()
                                ? "How long the module may take to answer, as the manual gives it.\n"
                                : "The spec gives no timeout: the default of "
                                        + human(LanguageDefaults.COMMAND_TIMEOUT)
                                        + " for commands without one.\n")
                .initializer("$T.ofMillis($L)", Duration.class, linked.timeout().toMillis())
                .build());
        linked.editionTimeouts()
                .forEach((name, duration) -> type.addField(FieldSpec.builder(
                                Duration.class,
                                "TIMEOUT_" + Names.constant(name),
                                Modifier.PUBLIC,
                                Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc("The timeout in manual edition $L.\n", name)
                        .initializer("$T.ofMillis($L)", Duration.class, duration.toMillis())
                        .build()));
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(List.class), FINAL_LINE),
                        "FINAL_LINES",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Final lines specific to this command, beyond OK, ERROR, +CME ERROR and +CMS ERROR.\n")
                .initializer(finalLines(linked))
                .build());
        type.addMethod(MethodSpec.methodBuilder("command")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
                .returns(Types.AT_COMMAND)
                .addStatement("return command(TIMEOUT)")
                .build());

        for (Form form : command.forms()) {
            List<Component> components = components(command, form);
            ClassName record = self.nestedClass(recordName(linked, form));
            type.addPermittedSubclass(record);
            factories(command, form, components, record).forEach(type::addMethod);
            type.addType(record(linked, form, components, record, self));
        }
        errorMeaning(linked).ifPresent(type::addMethod);
        return type.build();
    }

    /** The enums of the error tables a command explains {@code +CME ERROR} codes from, in order. */
    List<ClassName> errorTables(LinkedCommand command) {
        List<ClassName> tables = new ArrayList<>();
        for (io.atspec.grammar.model.ErrorTable table : command.errorTables()) {
            tables.add(types.local(
                    table.name().isEmpty() ? command.inlineErrorName().orElseThrow() : table.name()));
        }
        return tables;
    }

    /** What a {@code +CME ERROR} code means for this command, from the tables it uses. */
    private Optional<MethodSpec> errorMeaning(LinkedCommand command) {
        List<ClassName> tables = errorTables(command);
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        ClassName wireEnum = ClassName.get(Types.BIND, "WireEnum");
        CodeBlock.Builder lookup =
                CodeBlock.builder().add("return $T.fromCode(code).<$T>map(e -> e)", tables.get(0), wireEnum);
        for (ClassName table : tables.subList(1, tables.size())) {
            lookup.add("\n    .or(() -> $T.fromCode(code).map(e -> e))", table);
        }
        return Optional.of(MethodSpec.methodBuilder("errorMeaning")
                .addJavadoc(
                        "What {@code +CME ERROR: <code>} means for $L, from its error tables.\n\n",
                        Docs.code(command.name()))
                .addJavadoc("@param code the code after {@code +CME ERROR: }\n")
                .addJavadoc("@return the meaning, or empty for a code the tables do not list\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(String.class, "code")
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, wireEnum))
                .addStatement(lookup.build())
                .build());
    }

    private CodeBlock javadoc(LinkedCommand linked) {
        Command command = linked.source();
        CodeBlock.Builder doc = CodeBlock.builder();
        doc.add("$L: $L", Docs.code(command.name()), Docs.escape(command.title()));
        command.section().ifPresent(s -> doc.add(" (manual section $L)", s));
        doc.add(".\n");
        if (!command.description().isEmpty()) {
            doc.add("\n<p>$L\n", Docs.escape(command.description()));
        }
        doc.add("\n<p>Forms:\n<ul>\n");
        for (Form form : command.forms()) {
            doc.add("  <li>{@link #$L}: $L\n", factoryName(form), Docs.code(wireFormat(command, form)));
        }
        doc.add("</ul>\n");
        if (!command.parameters().isEmpty()) {
            doc.add("\n<p>Parameters:\n<ul>\n");
            for (Parameter parameter : command.parameters()) {
                doc.add(
                        "  <li>$L ($L)$L: $L\n",
                        Docs.code("<" + parameter.name() + ">"),
                        types.describeRange(parameter),
                        parameter.isDerived()
                                ? ", computed from "
                                        + Docs.code("<"
                                                + parameter.derivedLengthOf().get() + ">")
                                : "",
                        Docs.escape(parameter.description()));
            }
            doc.add("</ul>\n");
        }
        doc.add("\n<p>Timeout: $L", human(linked.timeout()));
        linked.editionTimeouts().forEach((e, duration) -> doc.add("; $L in edition $L", human(duration), e));
        doc.add(".\n");
        if (!command.finalResults().isEmpty()) {
            doc.add("\n<p>Final lines besides OK and ERROR:\n<ul>\n");
            for (FinalResult result : command.finalResults()) {
                doc.add(
                        "  <li>$L ($L)$L\n",
                        Docs.code(result.text()),
                        result.success() ? "success" : "error",
                        result.description().isEmpty() ? "" : ": " + Docs.escape(result.description()));
            }
            doc.add("</ul>\n");
        }
        return doc.build();
    }

    /**
     * The line as the module sees it, for Javadoc: {@code AT+HTTPACTION=2,<length>[,<type>]}.
     * Fixed values are written as sent (their code, quoted where the parameter is), fields the
     * caller gives as {@code <name>} (in quotes when sent quoted), optional groups in brackets.
     */
    String wireFormat(Command command, Form form) {
        String line = command.name() + form.kind().suffix();
        if (form.kind() == FormKind.SET) {
            line += wireText(command, form.format().items());
        }
        if (form.promptPayload().isPresent()) {
            line += " > <" + form.promptPayload().get() + ">";
        }
        return line;
    }

    private String wireText(Command command, List<FormatItem> items) {
        StringBuilder out = new StringBuilder();
        for (FormatItem item : items) {
            boolean first = out.length() == 0;
            if (item instanceof FormatItem.OptionalGroup group) {
                out.append(first ? "[" : "[,")
                        .append(wireText(command, group.format().items()))
                        .append(']');
                continue;
            }
            out.append(first ? "" : ",");
            if (item instanceof FormatItem.Field field) {
                Parameter parameter = types.parameter(command, field.name());
                if (field.fixedValue().isPresent()) {
                    out.append(types.fixedWire(parameter, field.fixedValue().get()));
                } else if (parameter.quoting().isQuoted()) {
                    out.append("\"<").append(field.name()).append(">\"");
                } else {
                    out.append('<').append(field.name()).append('>');
                }
            } else if (item instanceof FormatItem.Text text) {
                out.append(text.text());
            }
        }
        return out.toString();
    }

    static String human(Duration duration) {
        return LanguageDefaults.human(duration);
    }

    private static CodeBlock listOf(List<String> values) {
        if (values.isEmpty()) {
            return CodeBlock.of("$T.of()", List.class);
        }
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class);
        for (int i = 0; i < values.size(); i++) {
            list.add(i == 0 ? "$S" : ", $S", values.get(i));
        }
        return list.add(")").build();
    }

    private CodeBlock finalLines(LinkedCommand linked) {
        List<CodeBlock> lines = new ArrayList<>(shapedLines.errorFinals(linked));
        for (FinalResult result : linked.source().finalResults()) {
            if (result.shape().isPresent()) {
                continue; // written above, with its shape
            }
            List<String> spellings = new ArrayList<>();
            spellings.add(result.text());
            spellings.addAll(result.aliases());
            for (String spelling : spellings) {
                lines.add(CodeBlock.of("$T.$L($S)", FINAL_LINE, result.success() ? "success" : "error", spelling));
            }
        }
        return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(lines, ",$W"));
    }

    /** The payload first, then every argument the user gives, in the order of the format. */
    List<Component> components(Command command, Form form) {
        List<Component> components = new ArrayList<>();
        form.promptPayload().flatMap(command::parameter).ifPresent(p -> components.add(new Component(p, false, true)));
        collect(command, form.format().items(), false, components);
        return components;
    }

    private void collect(Command command, List<FormatItem> items, boolean inGroup, List<Component> out) {
        for (FormatItem item : items) {
            if (item instanceof FormatItem.Field field && field.fixedValue().isEmpty()) {
                Parameter parameter = types.parameter(command, field.name());
                if (!parameter.isDerived()) {
                    out.add(new Component(parameter, inGroup, false));
                }
            } else if (item instanceof FormatItem.OptionalGroup group) {
                collect(command, group.format().items(), true, out);
            }
        }
    }

    private List<MethodSpec> factories(Command command, Form form, List<Component> components, ClassName record) {
        List<MethodSpec> factories = new ArrayList<>();
        Set<List<TypeName>> signatures = new HashSet<>();
        for (List<FormatItem> shape : form.format().shapes()) {
            Set<String> present = fieldNames(shape);
            List<Component> given = components.stream()
                    .filter(c -> c.payload() || present.contains(c.parameter().name()))
                    .toList();
            List<TypeName> signature =
                    given.stream().map(c -> types.requestType(c.parameter())).toList();
            if (!signatures.add(signature)) {
                continue;
            }
            MethodSpec.Builder factory = MethodSpec.methodBuilder(factoryName(form))
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(record)
                    .addJavadoc("$L\n", Docs.code(lineFor(command, form, shape)));
            for (Component component : given) {
                factory.addParameter(
                        ParameterSpec.builder(types.requestType(component.parameter()), component.javaName())
                                .build());
                factory.addJavadoc("@param $L $L\n", component.javaName(), describe(component.parameter()));
            }
            factory.addJavadoc("@return the request, its arguments checked\n");
            List<CodeBlock> arguments = new ArrayList<>();
            for (Component component : components) {
                boolean isGiven = given.contains(component);
                if (!component.optional()) {
                    arguments.add(CodeBlock.of("$L", component.javaName()));
                } else if (isGiven) {
                    arguments.add(wrap(component, CodeBlock.of("$L", component.javaName())));
                } else {
                    arguments.add(empty(component));
                }
            }
            if (!given.isEmpty()) {
                factory.addJavadoc(
                        "@throws $T if an argument is out of range or would break the line\n", AT_ARGUMENT_EXCEPTION);
            }
            factory.addStatement("return new $T($L)", record, CodeBlock.join(arguments, ",$W"));
            factories.add(factory.build());
        }
        return factories;
    }

    /** One shape of the form as sent: {@code AT+DSEND=1,<length>}. */
    private String lineFor(Command command, Form form, List<FormatItem> shape) {
        return command.name() + form.kind().suffix() + (form.kind() == FormKind.SET ? wireText(command, shape) : "");
    }

    private static Set<String> fieldNames(List<FormatItem> shape) {
        Set<String> names = new LinkedHashSet<>();
        for (FormatItem item : shape) {
            if (item instanceof FormatItem.Field field) {
                names.add(field.name());
            }
        }
        return names;
    }

    CodeBlock wrap(Component component, CodeBlock expression) {
        return CodeBlock.of("$T.of($L)", optionalClass(component), expression);
    }

    CodeBlock empty(Component component) {
        return CodeBlock.of("$T.empty()", optionalClass(component));
    }

    private Class<?> optionalClass(Component component) {
        TypeName type = types.requestType(component.parameter());
        if (type.equals(TypeName.INT)) {
            return OptionalInt.class;
        }
        return type.equals(TypeName.LONG) ? java.util.OptionalLong.class : Optional.class;
    }

    private TypeName componentType(Component component) {
        TypeName type = types.requestType(component.parameter());
        return component.optional() ? Types.optional(type) : type;
    }

    private String value(Component component) {
        if (!component.optional()) {
            return component.javaName();
        }
        TypeName type = types.requestType(component.parameter());
        return component.javaName()
                + (type.equals(TypeName.INT) ? ".getAsInt()" : type.equals(TypeName.LONG) ? ".getAsLong()" : ".get()");
    }

    /** Javadoc words for a parameter: the manual's description and the values it allows. */
    private String describe(Parameter parameter) {
        return Docs.escape(parameter.description()) + " (" + types.describeRange(parameter) + ")";
    }

    /** Javadoc words for a record component, as {@code @param} text. */
    private String describe(Component component) {
        String text = describe(component.parameter());
        if (component.payload()) {
            return text + ", sent after the prompt";
        }
        return component.optional() ? text + "; empty when not sent" : text;
    }

    private TypeSpec record(
            LinkedCommand linked, Form form, List<Component> components, ClassName record, ClassName self) {
        Command command = linked.source();
        MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Checks every argument against the spec, as the factories do.\n\n");
        CodeBlock.Builder componentDocs = CodeBlock.builder();
        for (Component component : components) {
            componentDocs.add("@param $L $L\n", component.javaName(), describe(component));
        }
        constructor.addJavadoc(componentDocs.build());
        if (!components.isEmpty()) {
            constructor.addJavadoc(
                    "@throws $T if an argument is out of range or would break the line\n", AT_ARGUMENT_EXCEPTION);
        }
        for (Component component : components) {
            constructor.addParameter(componentType(component), component.javaName());
        }
        for (Component component : components) {
            Parameter parameter = component.parameter();
            if (component.payload()) {
                long[] size = payloadBounds(parameter);
                constructor.addStatement(
                        "$L = $T.payload(NAME, $S, $L, $LL, $LL)",
                        component.javaName(),
                        Types.ARGUMENTS,
                        parameter.name(),
                        component.javaName(),
                        size[0],
                        size[1]);
                continue;
            }
            if (component.optional() || !types.requestType(parameter).isPrimitive()) {
                constructor.addStatement(
                        "$T.notNull(NAME, $S, $L)", Types.ARGUMENTS, parameter.name(), component.javaName());
            }
            CodeBlock check = types.check(parameter, value(component));
            if (check.isEmpty()) {
                continue;
            }
            if (component.optional()) {
                constructor.beginControlFlow("if ($L.isPresent())", component.javaName());
                constructor.addStatement(check);
                constructor.endControlFlow();
            } else {
                constructor.addStatement(check);
            }
        }
        derivedChecks(command, form, components, constructor);
        groupChecks(command, form.format().items(), Optional.empty(), constructor);

        TypeSpec.Builder type = TypeSpec.recordBuilder(record)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addSuperinterface(self)
                .addJavadoc("The $L: $L\n", form.describe(), Docs.code(wireFormat(command, form)))
                .addJavadoc(components.isEmpty() ? CodeBlock.of("") : CodeBlock.of("\n$L", componentDocs.build()))
                .recordConstructor(constructor.build());
        List<String> prefixes = ShapedLines.claimedPrefixes(form);
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(List.class, String.class),
                        "RESPONSE_PREFIXES",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .initializer(listOf(prefixes))
                .build());
        Map<String, PayloadFraming.Counted> counted = ResponseDecoders.of(command, form);
        if (!counted.isEmpty()) {
            type.addField(FieldSpec.builder(
                            ParameterizedTypeName.get(
                                    ClassName.get(Map.class),
                                    ClassName.get(String.class),
                                    ResponseDecoders.URC_DECODER),
                            "RESPONSE_DECODERS",
                            Modifier.PRIVATE,
                            Modifier.STATIC,
                            Modifier.FINAL)
                    .addJavadoc("Response lines whose payload the channel counts while the command is pending.\n")
                    .initializer(
                            "$T.of($L)",
                            Map.class,
                            CodeBlock.join(
                                    counted.entrySet().stream()
                                            .map(e -> CodeBlock.of(
                                                    "$S, $L", e.getKey(), ResponseDecoders.decoder(e.getValue())))
                                            .toList(),
                                    ", "))
                    .build());
        }
        Optional<FieldSpec> finals = shapedLines.formFinals(linked, form);
        Optional<FieldSpec> shapes = shapedLines.responseShapes(linked, form);
        finals.ifPresent(type::addField);
        shapes.ifPresent(type::addField);
        type.addMethod(line(command, form, components));
        type.addMethod(commandMethod(form, components, finals.isPresent(), !counted.isEmpty(), shapes.isPresent()));
        type.addMethod(safeToString(record, components));
        if (components.stream().anyMatch(c -> types.requestType(c.parameter()).equals(Types.BYTES))) {
            // The constructor copies the payload (Arguments.payload); the accessor copies it out.
            type.addMethods(ArrayAwareEquality.copyingAccessors(equalityMembers(components)));
            type.addMethod(ArrayAwareEquality.equalsMethod(record, equalityMembers(components)));
            type.addMethod(ArrayAwareEquality.hashCodeMethod(equalityMembers(components)));
        }
        return type.build();
    }

    private static long[] payloadBounds(Parameter parameter) {
        if (parameter.type() instanceof io.atspec.grammar.model.ParamType.BytesType bytes
                && bytes.framing() instanceof io.atspec.grammar.model.ParamType.Bounded bounded) {
            return new long[] {bounded.size().min(), Types.max(bounded.size())};
        }
        return new long[] {0, -1};
    }

    private void derivedChecks(Command command, Form form, List<Component> components, MethodSpec.Builder constructor) {
        for (FormatItem.Field field : form.format().fields()) {
            Parameter parameter = types.parameter(command, field.name());
            if (parameter.isDerived()
                    && parameter.type() instanceof io.atspec.grammar.model.ParamType.IntType intType
                    && !intType.values().isUnbounded()) {
                String target = parameter.derivedLengthOf().get();
                constructor.addStatement(
                        "$T.intIn(NAME, $S, $L, $S$L)",
                        Types.ARGUMENTS,
                        parameter.name(),
                        DerivedLengths.of(CodeBlock.of("NAME"), types.parameter(command, target), Names.camel(target)),
                        intType.values().toString(),
                        Types.bounds(intType.values()));
            }
        }
    }

    /** Members of a group go together; an inner group needs its outer one. */
    private void groupChecks(
            Command command, List<FormatItem> items, Optional<String> outerLead, MethodSpec.Builder constructor) {
        for (FormatItem item : items) {
            if (!(item instanceof FormatItem.OptionalGroup group)) {
                continue;
            }
            List<String> members = directUserFields(command, group.format().items());
            if (members.size() > 1) {
                CodeBlock present = CodeBlock.join(
                        members.stream()
                                .map(m -> CodeBlock.of("$L.isPresent()", Names.camel(m)))
                                .toList(),
                        ", ");
                constructor.addStatement(
                        "$T.group(NAME, $S, $L)",
                        Types.ARGUMENTS,
                        String.join(
                                ",", members.stream().map(m -> "<" + m + ">").toList()),
                        present);
            }
            Optional<String> lead = members.stream().findFirst();
            if (lead.isPresent() && outerLead.isPresent()) {
                constructor.addStatement(
                        "$T.nested(NAME, $S, $S, $L.isPresent(), $L.isPresent())",
                        Types.ARGUMENTS,
                        "<" + lead.get() + ">",
                        "<" + outerLead.get() + ">",
                        Names.camel(lead.get()),
                        Names.camel(outerLead.get()));
            }
            groupChecks(command, group.format().items(), lead.or(() -> outerLead), constructor);
        }
    }

    private List<String> directUserFields(Command command, List<FormatItem> items) {
        List<String> names = new ArrayList<>();
        for (FormatItem item : items) {
            if (item instanceof FormatItem.Field field
                    && field.fixedValue().isEmpty()
                    && !types.parameter(command, field.name()).isDerived()) {
                names.add(field.name());
            }
        }
        return names;
    }

    private MethodSpec line(Command command, Form form, List<Component> components) {
        MethodSpec.Builder line = MethodSpec.methodBuilder("line")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class);
        if (form.kind() == FormKind.EXEC) {
            return line.addStatement("return NAME").build();
        }
        if (form.kind() != FormKind.SET) {
            return line.addStatement("return NAME + $S", form.kind().suffix()).build();
        }
        line.addStatement("$T<String> arguments = new $T<>()", List.class, ArrayList.class);
        appendItems(command, form, form.format().items(), components, line);
        return line.addStatement("return NAME + \"=\" + String.join(\",\", arguments)")
                .build();
    }

    private void appendItems(
            Command command, Form form, List<FormatItem> items, List<Component> components, MethodSpec.Builder line) {
        for (FormatItem item : items) {
            if (item instanceof FormatItem.Text text) {
                line.addStatement("arguments.add($S)", text.text());
            } else if (item instanceof FormatItem.OptionalGroup group) {
                List<String> members = directUserFields(command, group.format().items());
                if (members.isEmpty()) {
                    appendItems(command, form, group.format().items(), components, line);
                } else {
                    line.beginControlFlow("if ($L.isPresent())", Names.camel(members.get(0)));
                    appendItems(command, form, group.format().items(), components, line);
                    line.endControlFlow();
                }
            } else if (item instanceof FormatItem.Field field) {
                Parameter parameter = types.parameter(command, field.name());
                if (field.fixedValue().isPresent()) {
                    line.addStatement(
                            "arguments.add($S)",
                            types.fixedWire(parameter, field.fixedValue().get()));
                } else if (parameter.isDerived()) {
                    String target = parameter.derivedLengthOf().get();
                    line.addStatement(
                            "arguments.add($T.toString($L))",
                            Integer.class,
                            DerivedLengths.of(
                                    CodeBlock.of("NAME"), types.parameter(command, target), Names.camel(target)));
                } else {
                    Component component = components.stream()
                            .filter(c -> c.parameter().equals(parameter))
                            .findFirst()
                            .orElseThrow();
                    line.addStatement("arguments.add($L)", types.wire(parameter, value(component)));
                }
            }
        }
    }

    private MethodSpec commandMethod(
            Form form, List<Component> components, boolean formFinals, boolean countsPayloads, boolean shapes) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("command")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Duration.class, "timeout")
                .returns(Types.AT_COMMAND);
        List<Component> secrets = components.stream()
                .filter(c -> c.parameter().secret() && !c.payload())
                .toList();
        String secretList = "List.of()";
        if (!secrets.isEmpty()) {
            method.addStatement("$T<String> secrets = new $T<>()", List.class, ArrayList.class);
            for (Component secret : secrets) {
                if (secret.optional()) {
                    method.addStatement("$L.ifPresent(secrets::add)", secret.javaName());
                } else {
                    method.addStatement("secrets.add($L)", secret.javaName());
                }
            }
            secretList = "secrets";
        }
        String payload = form.promptPayload().map(Names::camel).orElse("null");
        return method.addStatement(
                        "return new $T(NAME, line(), RESPONSE_PREFIXES, $L, $L, timeout, $L$L)",
                        Types.AT_COMMAND,
                        formFinals ? "FINALS" : "FINAL_LINES",
                        payload,
                        secretList.equals("List.of()")
                                ? CodeBlock.of("$T.of()", List.class)
                                : CodeBlock.of("$L", secretList),
                        countsPayloads || shapes
                                ? CodeBlock.of(
                                        ", $L, $L",
                                        countsPayloads ? "RESPONSE_DECODERS" : CodeBlock.of("$T.of()", Map.class),
                                        shapes ? "RESPONSE_SHAPES" : CodeBlock.of("$T.of()", List.class))
                                : "")
                .build();
    }

    /**
     * Named as the user writes it ({@code Xgauth.Set}); secrets never reach a log; payloads show
     * their size, not their bytes.
     */
    private MethodSpec safeToString(ClassName record, List<Component> components) {
        List<ToStringMethod.Component> shown = new ArrayList<>();
        for (Component component : components) {
            TypeName type = types.requestType(component.parameter());
            shown.add(new ToStringMethod.Component(
                    component.javaName(),
                    ToStringMethod.Holder.of(component.optional(), type),
                    type.equals(Types.BYTES),
                    component.parameter().secret(),
                    ToStringMethod.unsigned(component.parameter())));
        }
        return ToStringMethod.of(String.join(".", record.simpleNames()), shown);
    }

    /** How each component compares, for {@link ArrayAwareEquality}. */
    private List<ArrayAwareEquality.Member> equalityMembers(List<Component> components) {
        List<ArrayAwareEquality.Member> members = new ArrayList<>();
        for (Component component : components) {
            TypeName type = types.requestType(component.parameter());
            ArrayAwareEquality.Kind kind;
            if (type.equals(Types.BYTES)) {
                kind = component.optional() ? ArrayAwareEquality.Kind.OPTIONAL_BYTES : ArrayAwareEquality.Kind.BYTES;
            } else if (type.isPrimitive() && !component.optional()) {
                kind = ArrayAwareEquality.Kind.PRIMITIVE;
            } else {
                kind = ArrayAwareEquality.Kind.OBJECT;
            }
            members.add(new ArrayAwareEquality.Member(component.javaName(), kind));
        }
        return members;
    }
}
