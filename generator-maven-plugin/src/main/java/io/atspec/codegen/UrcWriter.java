package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.atspec.grammar.link.LinkedChapter;
import io.atspec.grammar.link.LinkedUrc;
import io.atspec.grammar.link.PayloadFraming;
import io.atspec.grammar.model.Alias;
import io.atspec.grammar.model.Urc;
import io.atspec.grammar.model.UrcReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** Each URC as a record with its parser, and the chapter's sealed URC interface. */
final class UrcWriter {

    private static final ClassName AT_CHANNEL = ClassName.get(Types.RUNTIME, "AtChannel");
    private static final ClassName URC_DECODER = ClassName.get(Types.RUNTIME, "UrcDecoder");
    private static final ClassName DECODERS = ClassName.get(Types.BIND, "Decoders");

    private final LinkedChapter chapter;
    private final Types types;
    private final Generated generated;
    private final FieldRecords records;

    UrcWriter(LinkedChapter chapter, Types types, Generated generated) {
        this.chapter = chapter;
        this.types = types;
        this.generated = generated;
        this.records = new FieldRecords(types);
    }

    /** {@code HttpUrc}: the sealed interface every URC record of the chapter implements. */
    ClassName sealedName() {
        return types.local(chapter.names().urcInterface());
    }

    TypeSpec record(LinkedUrc linked) {
        Urc urc = linked.source();
        ClassName self = types.local(urc.javaName());
        List<FieldRecords.Field> fields =
                records.fields(urc.reports().stream().map(UrcReport::format).toList(), linked.parameters());
        // Several named reports: a component says which one came (+HTTPCLOSE: closed or failed).
        boolean named = urc.reports().size() > 1;
        ClassName reportType = self.nestedClass("Report");
        boolean carriesBytes = fields.stream().anyMatch(FieldRecords.Field::isPayload);
        // With bytes, a compact constructor keeps its own copy of them.
        MethodSpec.Builder constructor =
                carriesBytes ? MethodSpec.compactConstructorBuilder() : MethodSpec.constructorBuilder();
        if (named) {
            constructor.addParameter(reportType, "report");
        }
        for (FieldRecords.Field field : fields) {
            constructor.addParameter(records.componentType(field), field.javaName());
        }
        if (carriesBytes) {
            constructor
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Keeps a copy of the bytes, so the record stays immutable.\n\n");
            if (named) {
                constructor.addJavadoc("@param report which report the line is\n");
            }
            for (FieldRecords.Field field : fields) {
                constructor.addJavadoc("@param $L $L\n", field.javaName(), records.describe(field));
            }
            constructor.addCode(ArrayAwareEquality.copyingConstructor(equalityMembers(fields, named)));
        }
        TypeSpec.Builder type = TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(sealedName())
                .addAnnotation(generated.annotation())
                .recordConstructor(constructor.build());
        if (named) {
            TypeSpec.Builder reports = TypeSpec.enumBuilder(reportType)
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Which report of $L a line is.\n", Docs.code(urc.prefix()));
            for (UrcReport report : urc.reports()) {
                reports.addEnumConstant(
                        Names.constant(report.name().orElseThrow()),
                        TypeSpec.anonymousClassBuilder("")
                                .addJavadoc("$L\n", Docs.code(urc.prefix() + ": " + report.format()))
                                .build());
            }
            type.addType(reports.build());
        }
        type.addJavadoc("$L: $L", Docs.code(urc.prefix()), Docs.escape(urc.title()));
        urc.section().ifPresent(s -> type.addJavadoc(" (manual section $L)", s));
        type.addJavadoc(".\n");
        if (!urc.description().isEmpty()) {
            type.addJavadoc("\n<p>$L\n", Docs.escape(urc.description()));
        }
        for (UrcReport report : urc.reports()) {
            type.addJavadoc("<p>$L\n", Docs.code(urc.prefix() + ": " + report.format()));
        }
        if (urc.aliases().size() > 0) {
            type.addJavadoc(
                    "<p>Also read when spelled $L.\n",
                    Docs.escape(String.join(
                            ", ", urc.aliases().stream().map(Alias::name).toList())));
        }
        if (named || !fields.isEmpty()) {
            type.addJavadoc("\n");
        }
        if (named) {
            type.addJavadoc("@param report which report the line is\n");
        }
        for (FieldRecords.Field field : fields) {
            type.addJavadoc("@param $L $L\n", field.javaName(), records.describe(field));
        }
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(List.class, String.class),
                        "SPELLINGS",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("The prefix and the other spellings the manual uses.\n")
                .initializer(
                        "$T.of($L)",
                        List.class,
                        CodeBlock.join(
                                linked.spellings().stream()
                                        .map(s -> CodeBlock.of("$S", s))
                                        .toList(),
                                ", "))
                .build());
        type.addMethod(matches(urc));
        type.addMethod(parse(urc, self, fields, named ? Optional.of(reportType) : Optional.empty()));
        type.addMethods(records.codedTests(fields));
        records.toStringMethod(
                        self.simpleName(),
                        named
                                ? List.of(new ToStringMethod.Component(
                                        "report", ToStringMethod.Holder.VALUE, false, false))
                                : List.of(),
                        fields)
                .ifPresent(type::addMethod);
        if (carriesBytes) {
            type.addMethods(ArrayAwareEquality.copyingAccessors(equalityMembers(fields, named)));
            type.addMethod(ArrayAwareEquality.equalsMethod(self, equalityMembers(fields, named)));
            type.addMethod(ArrayAwareEquality.hashCodeMethod(equalityMembers(fields, named)));
        }
        return type.build();
    }

    private MethodSpec matches(Urc urc) {
        MethodSpec.Builder matches = MethodSpec.methodBuilder("matches")
                .addJavadoc("Whether a received line is this URC.\n\n")
                .addJavadoc("@param line the line, without its CR LF\n")
                .addJavadoc("@return true when it has one of the {@link #SPELLINGS}\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(String.class, "line")
                .returns(boolean.class);
        if (urc.prefixless()) {
            return matches.addStatement("return SPELLINGS.contains(line.strip())")
                    .build();
        }
        return matches.addStatement(
                        "return SPELLINGS.stream().anyMatch(p -> line.equals(p) || line.startsWith(p + \":\"))")
                .build();
    }

    private MethodSpec parse(Urc urc, ClassName self, List<FieldRecords.Field> fields, Optional<ClassName> reportType) {
        MethodSpec.Builder parse = MethodSpec.methodBuilder("parse")
                .addJavadoc(
                        "Reads the URC from what the channel delivered: its line and any framed bytes.\n\n"
                                + "@param urc what the channel delivered\n"
                                + "@return the report it holds\n"
                                + "@throws $T if it does not have one of the shapes of the spec\n",
                        Types.WIRE_PARSE_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(Types.URC, "urc")
                .returns(self)
                .addStatement("String line = urc.line()");
        if (urc.prefixless() || urc.reports().isEmpty()) {
            parse.beginControlFlow("if (matches(line))")
                    .addStatement("return new $T()", self)
                    .endControlFlow();
        } else {
            parse.beginControlFlow("for (String spelling : SPELLINGS)")
                    .beginControlFlow("if (!line.startsWith(spelling + \":\"))")
                    .addStatement("continue")
                    .endControlFlow()
                    .addStatement(
                            "$T fields = $T.of(line, spelling + \":\", $S)",
                            Types.FIELDS,
                            Types.FIELDS,
                            self.simpleName());
            List<FieldRecords.Variant> variants = new ArrayList<>();
            for (UrcReport report : urc.reports()) {
                Optional<CodeBlock> leading = reportType.map(t ->
                        CodeBlock.of("$T.$L", t, Names.constant(report.name().orElseThrow())));
                variants.add(new FieldRecords.Variant(report.format(), leading));
            }
            records.addShapeBranches(parse, self, fields, variants, "urc.payload()");
            parse.endControlFlow();
        }
        return parse.addStatement(records.shapeError(self, fields, "")).build();
    }

    /** How each component compares, for {@link ArrayAwareEquality}: the report name first. */
    static List<ArrayAwareEquality.Member> equalityMembers(List<FieldRecords.Field> fields, boolean named) {
        List<ArrayAwareEquality.Member> members = new ArrayList<>();
        if (named) {
            members.add(new ArrayAwareEquality.Member("report", ArrayAwareEquality.Kind.OBJECT));
        }
        for (FieldRecords.Field field : fields) {
            ArrayAwareEquality.Kind kind = !field.isPayload()
                    ? ArrayAwareEquality.Kind.OBJECT
                    : field.optional() ? ArrayAwareEquality.Kind.OPTIONAL_BYTES : ArrayAwareEquality.Kind.BYTES;
            members.add(new ArrayAwareEquality.Member(field.javaName(), kind));
        }
        return members;
    }

    /** The chapter's sealed interface: dispatch of a delivered URC to its record, decoders. */
    TypeSpec sealedInterface() {
        ClassName self = sealedName();
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                .addAnnotation(generated.annotation())
                .addJavadoc(
                        "An unsolicited result code of chapter $L ($L).\n",
                        chapter.name(),
                        Docs.escape(chapter.source().title()));
        for (LinkedUrc urc : chapter.urcs()) {
            type.addPermittedSubclass(types.local(urc.javaName()));
        }
        MethodSpec.Builder parse = MethodSpec.methodBuilder("parse")
                .addJavadoc(
                        "The typed URC for a delivered one.\n\n"
                                + "@param urc what the channel delivered\n"
                                + "@return the typed URC, or empty if it is not of this chapter\n"
                                + "@throws $T if it is of this chapter but malformed\n",
                        Types.WIRE_PARSE_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(Types.URC, "urc")
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, self));
        for (LinkedUrc urc : chapter.urcs()) {
            ClassName record = types.local(urc.javaName());
            parse.beginControlFlow("if ($T.matches(urc.line()))", record)
                    .addStatement("return $T.of($T.parse(urc))", Optional.class, record)
                    .endControlFlow();
        }
        type.addMethod(parse.addStatement("return $T.empty()", Optional.class).build());
        MethodSpec.Builder register = MethodSpec.methodBuilder("registerDecoders")
                .addJavadoc("Teaches the channel where the payloads of this chapter's URCs end.\n\n")
                .addJavadoc("@param channel the channel the module's lines arrive on\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(AT_CHANNEL, "channel");
        for (LinkedUrc urc : chapter.urcs()) {
            for (String prefix : urc.decoderPrefixes()) {
                register.addStatement("channel.registerDecoder($S, $L)", prefix, decoder(urc.framing()));
            }
        }
        type.addMethod(register.build());
        return type.build();
    }

    /** The runtime decoder of a framing that has a payload. */
    static CodeBlock decoder(PayloadFraming framing) {
        return switch (framing.kind()) {
            case LENGTH_FRAMED -> ResponseDecoders.decoder(framing.counted().orElseThrow());
            case RAW_UNTIL ->
                CodeBlock.of(
                        framing.httpMessage() ? "$T.httpMessage($S)" : "$T.rawUntil($S)",
                        URC_DECODER,
                        framing.terminator().orElseThrow());
            case RAW_OR_LENGTH_FRAMED ->
                CodeBlock.of(
                        framing.httpMessage() ? "$T.httpMessageOrCounted($S, $L)" : "$T.rawOrCounted($S, $L)",
                        DECODERS,
                        framing.terminator().orElseThrow(),
                        ResponseDecoders.decoder(framing.counted().orElseThrow()));
            case NONE -> throw new IllegalArgumentException("a URC without payload has no decoder");
        };
    }
}
