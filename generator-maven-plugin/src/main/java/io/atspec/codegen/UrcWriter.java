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

    /**
     * The URC's type: a record, or for several reports a sealed interface with one record per
     * report ({@code HttpRecv.Raw}, {@code HttpRecv.Framed}) that extends the chapter's one.
     */
    TypeSpec record(LinkedUrc linked) {
        Urc urc = linked.source();
        Shapes shapes = Shapes.of(types, linked);
        ClassName self = shapes.owner();
        TypeSpec.Builder type;
        if (shapes.several()) {
            type = TypeSpec.interfaceBuilder(self)
                    .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                    .addSuperinterface(sealedName());
            type.addMethods(shapes.interfaceMethods(types));
            for (Shapes.Shape shape : shapes.shapes()) {
                type.addPermittedSubclass(shape.record());
                TypeSpec.Builder record = Shapes.recordBuilder(
                                types,
                                shape.record(),
                                self.simpleName() + "." + shape.record().simpleName(),
                                shape.fields())
                        .addModifiers(Modifier.STATIC)
                        .addSuperinterface(self)
                        .addJavadoc("$L: $L.\n", Docs.code(shape.wire()), Docs.escape(urc.title()));
                Shapes.componentDocs(types, record, shape.fields());
                record.addMethods(shapes.absentTests(types, shape));
                type.addType(record.build());
            }
        } else {
            type = Shapes.recordBuilder(
                            types,
                            self,
                            self.simpleName(),
                            shapes.shapes().get(0).fields())
                    .addSuperinterface(sealedName());
        }
        type.addAnnotation(generated.annotation());
        type.addJavadoc("$L: $L", Docs.code(urc.prefix()), Docs.escape(urc.title()));
        urc.section().ifPresent(s -> type.addJavadoc(" (manual section $L)", s));
        type.addJavadoc(".\n");
        if (!urc.description().isEmpty()) {
            type.addJavadoc("\n<p>$L\n", Docs.escape(urc.description()));
        }
        for (Shapes.Shape shape : shapes.shapes()) {
            if (shapes.several()) {
                type.addJavadoc(
                        "<p>$L: {@link $L}\n",
                        Docs.code(shape.wire()),
                        shape.record().simpleName());
            } else if (!urc.reports().isEmpty()) {
                type.addJavadoc("<p>$L\n", Docs.code(shape.wire()));
            }
        }
        if (urc.aliases().size() > 0) {
            type.addJavadoc(
                    "<p>Also read when spelled $L.\n",
                    Docs.escape(String.join(
                            ", ", urc.aliases().stream().map(Alias::name).toList())));
        }
        if (!shapes.several()) {
            Shapes.componentDocs(types, type, shapes.shapes().get(0).fields());
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
        type.addMethod(parse(urc, shapes));
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

    private MethodSpec parse(Urc urc, Shapes shapes) {
        ClassName self = shapes.owner();
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
            records.addShapeBranches(parse, shapes.variants(urc.prefix() + ":"), "urc.payload()");
            parse.endControlFlow();
        }
        return parse.addStatement(records.shapeError(self, shapes.allFields(), ""))
                .build();
    }

    /** How each component compares, for {@link ArrayAwareEquality}. */
    static List<ArrayAwareEquality.Member> equalityMembers(List<FieldRecords.Field> fields) {
        List<ArrayAwareEquality.Member> members = new ArrayList<>();
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
