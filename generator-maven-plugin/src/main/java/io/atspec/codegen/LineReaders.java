package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import io.atspec.grammar.link.ChapterNames;
import io.atspec.grammar.link.LinkedCommand;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.FormKind;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Quoting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.lang.model.element.Modifier;

/**
 * The module side of a command: reading a command line the host sent (and the payload after
 * its prompt) back into a request, and how long a prompt payload the line announces. Written
 * into the chapter's {@code XxxRequests}, not into the request types, so the host API a user
 * reads holds only what a host needs.
 */
final class LineReaders {

    private static final ClassName COMMAND_LINE = RequestWriter.COMMAND_LINE;
    private static final ClassName AT_EXCEPTION = RequestWriter.AT_EXCEPTION;

    private final Types types;
    private final RequestWriter requests;

    LineReaders(Types types, RequestWriter requests) {
        this.types = types;
        this.requests = requests;
    }

    /** {@code parseHttpAction}: reads a line as that command, or empty. */
    static String parseMethod(Command command) {
        return "parse" + command.javaName();
    }

    /** {@code promptLengthHttpSend}: the payload length a line of that command announces. */
    static String promptLengthMethod(Command command) {
        return "promptLength" + command.javaName();
    }

    static boolean prompts(Command command) {
        return command.forms().stream().anyMatch(f -> f.promptPayload().isPresent());
    }

    /** Every private reader of one command, for its chapter's {@code XxxRequests}. */
    List<MethodSpec> methods(LinkedCommand linked) {
        Command command = linked.source();
        ClassName self = types.local(command.javaName());
        List<MethodSpec> methods = new ArrayList<>();
        methods.add(parseLine(command, self));
        for (Form form : command.forms()) {
            ClassName record = self.nestedClass(RequestWriter.recordName(linked, form));
            methods.add(parseForm(command, form, requests.components(command, form), record, self));
        }
        if (prompts(command)) {
            methods.add(promptLength(command, self));
        }
        return methods;
    }

    private MethodSpec parseForm(
            Command command, Form form, List<RequestWriter.Component> components, ClassName record, ClassName self) {
        MethodSpec.Builder parse = MethodSpec.methodBuilder("parse" + command.javaName() + ChapterNames.formStem(form))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(COMMAND_LINE, "line")
                .addParameter(Types.BYTES, "payload")
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, self));
        String guard = "line.kind() != $T.Kind." + form.kind().name();
        if (form.promptPayload().isPresent()) {
            guard += " || payload == null";
        }
        parse.beginControlFlow("if (" + guard + ")", COMMAND_LINE)
                .addStatement("return $T.empty()", Optional.class)
                .endControlFlow();
        if (form.kind() != FormKind.SET) {
            return parse.addStatement(
                            "return line.arguments().size() == 0 ? $T.of(new $T()) : $T.empty()",
                            Optional.class,
                            record,
                            Optional.class)
                    .build();
        }
        parse.addStatement("$T fields = line.arguments()", Types.FIELDS);
        parse.beginControlFlow("try");
        for (List<FormatItem> shape : form.format().shapes()) {
            List<CodeBlock> conditions = new ArrayList<>();
            conditions.add(fieldCount(command, shape));
            for (int i = 0; i < shape.size(); i++) {
                FormatItem item = shape.get(i);
                if (item instanceof FormatItem.Text text) {
                    conditions.add(CodeBlock.of("fields.matches($L, $S)", i, text.text()));
                } else if (item instanceof FormatItem.Field field) {
                    Parameter parameter = types.parameter(command, field.name());
                    if (field.fixedValue().isPresent()) {
                        conditions.add(CodeBlock.of(
                                "fields.matches($L, $S)",
                                i,
                                types.fixedCode(parameter, field.fixedValue().get())));
                    } else if (parameter.isDerived()) {
                        String target = parameter.derivedLengthOf().get();
                        int inline = indexOf(shape, target);
                        // Inline content is read from its own field; a prompt payload is the bytes after '>'.
                        conditions.add(CodeBlock.of(
                                "fields.integer($L, $S) == $L",
                                i,
                                parameter.name(),
                                inline < 0
                                        ? CodeBlock.of("payload.length")
                                        : DerivedLengths.of(
                                                CodeBlock.of("$S", command.name()),
                                                types.parameter(command, target),
                                                "fields.text(" + inline + ", \"" + target + "\")")));
                    }
                }
            }
            List<CodeBlock> arguments = new ArrayList<>();
            for (RequestWriter.Component component : components) {
                if (component.payload()) {
                    arguments.add(CodeBlock.of("payload"));
                    continue;
                }
                int index = indexOf(shape, component.parameter().name());
                if (index < 0) {
                    arguments.add(requests.empty(component));
                } else {
                    CodeBlock read = index == restIndex(command, shape)
                            ? CodeBlock.of(
                                    "fields.rest($L, $S)",
                                    index,
                                    component.parameter().name())
                            : types.read(component.parameter(), "fields", index);
                    arguments.add(component.optional() ? requests.wrap(component, read) : read);
                }
            }
            parse.beginControlFlow("if ($L)", CodeBlock.join(conditions, " &&$W"))
                    .addStatement("return $T.of(new $T($L))", Optional.class, record, CodeBlock.join(arguments, ",$W"))
                    .endControlFlow();
        }
        parse.nextControlFlow("catch ($T notThisForm)", AT_EXCEPTION)
                .addComment("A field that does not fit means the line is another form, or none.")
                .addStatement("return $T.empty()", Optional.class)
                .endControlFlow();
        return parse.addStatement("return $T.empty()", Optional.class).build();
    }

    /**
     * How many fields a line of {@code shape} has: exactly one per item, or, when the shape ends
     * in a {@code rest} parameter, at least that many (its value's commas split it further).
     */
    private CodeBlock fieldCount(Command command, List<FormatItem> shape) {
        return restIndex(command, shape) >= 0
                ? CodeBlock.of("fields.size() >= $L", shape.size())
                : CodeBlock.of("fields.size() == $L", shape.size());
    }

    /** The index of the shape's last item when it is a {@code rest} parameter, else -1. */
    private int restIndex(Command command, List<FormatItem> shape) {
        if (!shape.isEmpty()
                && shape.get(shape.size() - 1) instanceof FormatItem.Field field
                && field.fixedValue().isEmpty()
                && types.parameter(command, field.name()).quoting() == Quoting.REST_OF_LINE) {
            return shape.size() - 1;
        }
        return -1;
    }

    private static int indexOf(List<FormatItem> shape, String name) {
        for (int i = 0; i < shape.size(); i++) {
            if (shape.get(i) instanceof FormatItem.Field field && field.name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code Optional<CommandLine> parsed = CommandLine.parse(text, X.NAME, X.ALIASES)}. */
    private static CodeBlock parseCommandLine(ClassName self) {
        return CodeBlock.of(
                "$T<$T> parsed = $T.parse(text, $T.NAME, $T.ALIASES)",
                Optional.class,
                COMMAND_LINE,
                COMMAND_LINE,
                self,
                self);
    }

    /** Reads a line (and its payload, or null) as {@code command}: tries every form in spec order. */
    private MethodSpec parseLine(Command command, ClassName self) {
        MethodSpec.Builder parse = MethodSpec.methodBuilder(parseMethod(command))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(String.class, "text")
                .addParameter(Types.BYTES, "payload")
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, self));
        parse.addStatement(parseCommandLine(self))
                .beginControlFlow("if (parsed.isEmpty())")
                .addStatement("return $T.empty()", Optional.class)
                .endControlFlow()
                .addStatement("$T line = parsed.get()", COMMAND_LINE);
        List<CodeBlock> attempts = new ArrayList<>();
        for (Form form : command.forms()) {
            attempts.add(CodeBlock.of("parse$L$L(line, payload)", command.javaName(), ChapterNames.formStem(form)));
        }
        CodeBlock.Builder chain = CodeBlock.builder().add("return $L", attempts.get(0));
        for (int i = 1; i < attempts.size(); i++) {
            chain.add("$Z.or(() -> $L)", attempts.get(i));
        }
        return parse.addStatement(chain.build()).build();
    }

    private MethodSpec promptLength(Command command, ClassName self) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(promptLengthMethod(command))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(String.class, "text")
                .returns(OptionalInt.class)
                .addStatement(parseCommandLine(self))
                .beginControlFlow("if (parsed.isEmpty() || parsed.get().kind() != $T.Kind.SET)", COMMAND_LINE)
                .addStatement("return $T.empty()", OptionalInt.class)
                .endControlFlow()
                .addStatement("$T fields = parsed.get().arguments()", Types.FIELDS)
                .beginControlFlow("try");
        for (Form form : command.forms()) {
            if (form.promptPayload().isEmpty()) {
                continue;
            }
            for (List<FormatItem> shape : form.format().shapes()) {
                List<CodeBlock> conditions = new ArrayList<>();
                conditions.add(fieldCount(command, shape));
                int derivedIndex = -1;
                Parameter derived = null;
                for (int i = 0; i < shape.size(); i++) {
                    if (shape.get(i) instanceof FormatItem.Field field) {
                        Parameter parameter = types.parameter(command, field.name());
                        if (field.fixedValue().isPresent()) {
                            conditions.add(CodeBlock.of(
                                    "fields.matches($L, $S)",
                                    i,
                                    types.fixedCode(
                                            parameter, field.fixedValue().get())));
                        } else if (parameter.isDerived()) {
                            derivedIndex = i;
                            derived = parameter;
                        }
                    }
                }
                if (derivedIndex >= 0) {
                    // A length outside its range is no prompt at all: the module refuses the line.
                    CodeBlock length = derived.type() instanceof io.atspec.grammar.model.ParamType.IntType intType
                                    && !intType.values().isUnbounded()
                            ? CodeBlock.of(
                                    "fields.integerIn($L, $S, $S$L)",
                                    derivedIndex,
                                    derived.name(),
                                    intType.values().toString(),
                                    Types.bounds(intType.values()))
                            : CodeBlock.of("fields.integer($L, $S)", derivedIndex, derived.name());
                    method.beginControlFlow("if ($L)", CodeBlock.join(conditions, " &&$W"))
                            .addStatement("return $T.of($L)", OptionalInt.class, length)
                            .endControlFlow();
                }
            }
        }
        return method.nextControlFlow("catch ($T notALength)", AT_EXCEPTION)
                .addStatement("return $T.empty()", OptionalInt.class)
                .endControlFlow()
                .addStatement("return $T.empty()", OptionalInt.class)
                .build();
    }
}
