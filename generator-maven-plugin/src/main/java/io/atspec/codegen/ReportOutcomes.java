package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.atspec.grammar.link.LinkedCommand;
import io.atspec.grammar.link.LinkedCompletion;
import io.atspec.grammar.link.LinkedForm;
import io.atspec.grammar.link.LinkedParameter;
import io.atspec.grammar.link.LinkedUrc;
import io.atspec.grammar.model.EnumConstant;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Value;
import io.atspec.grammar.model.ValueSet;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The facade's part of completions that look into their reports beyond the end: which reports
 * are the request's ({@code matching}), which ending reports fail the call ({@code fails when}),
 * and the value tests both use (numbers for int fields, words for text and word enums).
 */
final class ReportOutcomes {

    private static final ClassName COMPLETION = ClassName.get(Types.RUNTIME, "Completion");

    private final Types types;
    private final ClassName facade;
    private final FieldRecords records;

    ReportOutcomes(Types types, ClassName facade) {
        this.types = types;
        this.facade = facade;
        this.records = new FieldRecords(types);
    }

    /**
     * {@code .failing(...)} for a completion with {@code fails when}, and the predicate it
     * names; empty otherwise.
     */
    CodeBlock failing(TypeSpec.Builder type, LinkedCommand command, LinkedCompletion.Urcs completion) {
        if (completion.fails().isEmpty()) {
            return CodeBlock.of("");
        }
        LinkedCompletion.Failure failure = completion.fails().get();
        String method = "fails" + command.javaName();
        LinkedUrc end = completion.end();
        ClassName record = types.local(end.javaName());
        CodeBlock fails = Shapes.of(types, end)
                .test(
                        "report",
                        failure.field().source(),
                        (report, optional) -> hasValue(
                                report,
                                failure.field(),
                                List.of(new FieldRecords.Field(failure.field().source(), optional)),
                                failure.numbers(),
                                failure.words()));
        type.addMethod(MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Types.URC, "urc")
                .returns(boolean.class)
                .beginControlFlow("try")
                .addStatement("$T report = $T.parse(urc)", record, record)
                .addStatement("return $L", fails)
                .nextControlFlow("catch ($T malformed)", RequestWriter.AT_EXCEPTION)
                .addComment("It ended the wait, so it was read once already; unread, it is no failure.")
                .addStatement("return false")
                .endControlFlow()
                .build());
        return CodeBlock.of(
                "$W.failing(new $T.Failure($T::$L,$W$T::new))",
                COMPLETION,
                facade,
                method,
                types.local(failure.exceptionName()));
    }

    /** The {@code @throws} of a call whose completion fails on a report; empty otherwise. */
    CodeBlock failsDoc(LinkedCompletion.Urcs completion) {
        return completion
                .fails()
                .map(f -> CodeBlock.of(
                        "@throws $T if the $L that ends the wait says the command failed\n",
                        types.local(f.exceptionName()),
                        Docs.code(completion.end().prefix())))
                .orElse(CodeBlock.of(""));
    }

    /**
     * For {@code matching <field> = <param>}: the completion tied to the request's value
     * ({@code completionOf} made {@code .correlated(...)}), with the methods that tie it.
     */
    CodeBlock correlated(
            TypeSpec.Builder type, LinkedCommand command, LinkedCompletion.Urcs completion, CodeBlock completionOf) {
        if (completion.matching().isEmpty()) {
            return completionOf;
        }
        LinkedCompletion.Matching matching = completion.matching().get();
        LinkedUrc end = completion.end();
        ClassName record = types.local(end.javaName());
        CodeBlock sameValue = Shapes.of(types, end)
                .test(
                        "report",
                        matching.field().source(),
                        (report, optional) -> CodeBlock.of(
                                "value.equals($L)",
                                wireText(
                                        accessor(report, matching.field().source()),
                                        matching.field().source(),
                                        optional)));
        String isFor = "isFor" + command.javaName();
        type.addMethod(MethodSpec.methodBuilder(isFor)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Types.URC, "urc")
                .addParameter(String.class, "value")
                .returns(boolean.class)
                .beginControlFlow("if (!$T.matches(urc.line()))", record)
                .addStatement("return false")
                .endControlFlow()
                .beginControlFlow("try")
                .addStatement("$T report = $T.parse(urc)", record, record)
                .addStatement("return $L", sameValue)
                .nextControlFlow("catch ($T malformed)", RequestWriter.AT_EXCEPTION)
                .addComment("A report that cannot be read is nobody's: it goes to the listeners.")
                .addStatement("return false")
                .endControlFlow()
                .build());
        ClassName request = types.local(command.javaName());
        String correlation = command.javaName().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                + command.javaName().substring(1) + "Correlation";
        MethodSpec.Builder method = MethodSpec.methodBuilder(correlation)
                .addJavadoc(
                        "Ties the wait to the request's $L: only reports with that $L are its own.\n",
                        Docs.code("<" + matching.parameter().name() + ">"),
                        Docs.code("<" + matching.field().name() + ">"))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(request, "request")
                .returns(COMPLETION.nestedClass("Correlation"));
        int n = 0;
        for (LinkedForm form : command.forms()) {
            if (!completion.forms().isEmpty() && !completion.forms().contains(form)) {
                continue;
            }
            for (FieldRecords.Field field : records.fields(List.of(form.source().format()), command.parameters())) {
                if (!field.parameter().name().equals(matching.parameter().name()) || field.optional()) {
                    continue;
                }
                String variable = "form" + n++;
                method.beginControlFlow(
                                "if (request instanceof $T $L)", request.nestedClass(form.recordName()), variable)
                        .addStatement(
                                "String value = $L",
                                wireText(accessor(variable, field.parameter()), field.parameter(), false))
                        .addStatement(
                                "return new $T.Correlation($S + value, urc -> $L(urc, value))",
                                COMPLETION,
                                matching.field().name() + "=",
                                isFor)
                        .endControlFlow();
            }
        }
        type.addMethod(method.addComment("A form without the value waits for the first report, as without 'matching'.")
                .addStatement("return null")
                .build());
        return CodeBlock.of("$L.correlated($L(request))", completionOf, correlation);
    }

    /**
     * Whether {@code field} of the record {@code record} evaluates to has one of the numbers or
     * one of the words (an enum's words compared as its codes).
     */
    static CodeBlock hasValue(
            String record,
            LinkedParameter field,
            List<FieldRecords.Field> fields,
            ValueSet numbers,
            List<Value> words) {
        if (words.isEmpty()) {
            return FacadeWriter.inRanges(record, field, fields, numbers);
        }
        boolean optional = fields.stream()
                .filter(f -> f.parameter().equals(field.source()))
                .anyMatch(FieldRecords.Field::optional);
        List<CodeBlock> codes = new ArrayList<>();
        for (Value word : words) {
            String code = field.enumType()
                    .flatMap(e -> e.constant(word.text()))
                    .map(EnumConstant::code)
                    .orElse(word.text());
            codes.add(CodeBlock.of("$S", code));
        }
        return CodeBlock.of(
                "$T.of($L).contains($L)",
                List.class,
                CodeBlock.join(codes, ", "),
                wireText(accessor(record, field.source()), field.source(), optional));
    }

    /**
     * The value of {@code access} (an expression giving the field's value) as the text it has on
     * the wire; {@code ""} when an optional one is absent.
     */
    private static CodeBlock wireText(String access, Parameter field, boolean optional) {
        ParamType type = field.type();
        boolean coded = type instanceof ParamType.EnumRef;
        boolean number = type instanceof ParamType.IntType;
        if (!optional) {
            if (coded) {
                return CodeBlock.of("$L.code()", access);
            }
            return number ? CodeBlock.of("$T.toString($L)", Integer.class, access) : CodeBlock.of("$L", access);
        }
        if (coded) {
            return CodeBlock.of("$L.map(c -> c.code()).orElse(\"\")", access);
        }
        if (number) {
            return CodeBlock.of("$L.isPresent() ? $T.toString($L.getAsInt()) : \"\"", access, Integer.class, access);
        }
        return CodeBlock.of("$L.orElse(\"\")", access);
    }

    private static String accessor(String record, Parameter field) {
        return record + "." + Names.camel(field.name()) + "()";
    }
}
