package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import io.atspec.grammar.link.ChapterNames;
import io.atspec.grammar.link.LinkedChapter;
import io.atspec.grammar.link.LinkedCommand;
import io.atspec.grammar.link.LinkedCompletion;
import io.atspec.grammar.link.LinkedForm;
import io.atspec.grammar.link.LinkedParameter;
import io.atspec.grammar.link.LinkedUrc;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.ResponseFormat;
import io.atspec.grammar.model.ValueSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * The chapter's facade: one method per command (blocking and async), the outcome of commands
 * whose OK only acknowledges them, shortcuts for queries, and typed URC listeners. A completion
 * is written as data handed to the runtime (a {@code Completion} of line starts and an end
 * test, or a {@code Polling.until} call): the facade holds no loop or state machine.
 */
final class FacadeWriter {

    private static final ClassName AT_CHANNEL = ClassName.get(Types.RUNTIME, "AtChannel");
    private static final ClassName COMPLETION = ClassName.get(Types.RUNTIME, "Completion");
    private static final ClassName COMPLETED = ClassName.get(Types.RUNTIME, "CompletedResponse");
    private static final ClassName URC_LISTENER = ClassName.get(Types.RUNTIME, "UrcListener");
    private static final ClassName REGISTRATION = ClassName.get(Types.BIND, "Registration");
    private static final ClassName COMPLETION_TIMEOUT = ClassName.get(Types.BIND, "CompletionTimeoutException");
    private static final ClassName POLLING = ClassName.get(Types.BIND, "Polling");
    private static final ClassName VALUES = ClassName.get(Types.BIND, "Values");
    private static final ClassName LOGGER = ClassName.get("org.slf4j", "Logger");
    private static final ClassName LOGGER_FACTORY = ClassName.get("org.slf4j", "LoggerFactory");

    private final LinkedChapter chapter;
    private final Types types;
    private final Generated generated;
    private final UrcWriter urcs;
    private final FieldRecords records;
    private final ReportOutcomes reportOutcomes;

    FacadeWriter(LinkedChapter chapter, Types types, Generated generated, UrcWriter urcs) {
        this.chapter = chapter;
        this.types = types;
        this.generated = generated;
        this.urcs = urcs;
        this.records = new FieldRecords(types);
        this.reportOutcomes = new ReportOutcomes(types, name());
    }

    ClassName name() {
        return types.local(chapter.names().facade());
    }

    static ClassName outcomeName(Types types, LinkedCommand command) {
        return types.local(command.outcomeName());
    }

    TypeSpec facade() {
        ClassName self = name();
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(generated.annotation())
                .addJavadoc(
                        "The commands of chapter $L ($L) on an {@link $T}.\n",
                        chapter.name(),
                        Docs.escape(chapter.source().title()),
                        AT_CHANNEL);
        if (!chapter.source().description().isEmpty()) {
            type.addJavadoc("\n<p>$L\n", Docs.escape(chapter.source().description()));
        }
        chapter.source()
                .manual()
                .ifPresent(m -> type.addJavadoc(
                        "\n<p>From $L$L.\n",
                        Docs.escape(m.title()),
                        m.section().map(s -> ", section " + s).orElse("")));
        type.addJavadoc("\n<p>Each method sends one command and waits for its final result; an ERROR or\n"
                + "{@code +CME ERROR} is thrown as {@code AtCommandFailedException}.\n");
        if (!chapter.urcs().isEmpty()) {
            // SLF4J, as the runtime: one logging API to configure; spec users get it with the runtime.
            type.addField(FieldSpec.builder(LOGGER, "LOG", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.getLogger($T.class)", LOGGER_FACTORY, self)
                    .build());
        }
        type.addField(FieldSpec.builder(AT_CHANNEL, "channel", Modifier.PRIVATE, Modifier.FINAL)
                .build());
        Optional<ClassName> editions = editionType();
        editions.ifPresent(e -> type.addField(FieldSpec.builder(e, "edition", Modifier.PRIVATE, Modifier.FINAL)
                .build()));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Uses {@code channel}, and teaches it where this chapter's URC payloads end"
                        + (chapter.rebootIndications().isEmpty()
                                ? ".\n"
                                : " and which lines mean the module restarted.\n"))
                .addParameter(AT_CHANNEL, "channel");
        CodeBlock channelParam = CodeBlock.of("@param channel the channel to the module\n");
        if (editions.isPresent()) {
            type.addMethod(MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Uses {@code channel} with the timeouts of the default edition.\n\n")
                    .addJavadoc(channelParam)
                    .addParameter(AT_CHANNEL, "channel")
                    .addStatement(
                            "this(channel, $T.$L)",
                            editions.get(),
                            Names.constant(chapter.source().editions().get(0).name()))
                    .build());
            constructor
                    .addJavadoc("The timeouts are those of manual edition {@code edition}.\n\n")
                    .addJavadoc(channelParam)
                    .addJavadoc("@param edition the edition of the manual the module follows\n")
                    .addParameter(editions.get(), "edition")
                    .addStatement("this.edition = $T.requireNonNull(edition, $S)", java.util.Objects.class, "edition");
        }
        constructor.addStatement("this.channel = $T.requireNonNull(channel, $S)", java.util.Objects.class, "channel");
        if (!chapter.urcs().isEmpty()) {
            constructor.addStatement("$T.registerDecoders(channel)", urcs.sealedName());
        }
        for (String reboot : chapter.rebootIndications()) {
            constructor.addStatement("channel.addRebootIndication($S)", reboot);
        }
        if (editions.isEmpty()) {
            constructor.addJavadoc("\n").addJavadoc(channelParam);
        }
        type.addMethod(constructor.build());
        type.addMethod(MethodSpec.methodBuilder("channel")
                .addJavadoc("The channel this facade sends on.\n\n@return the channel\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(AT_CHANNEL)
                .addStatement("return channel")
                .build());
        for (LinkedCommand command : chapter.commands()) {
            if (editions.isPresent() && command.timeoutByEdition()) {
                type.addMethod(timeoutMethod(command, editions.get()));
            }
            if (command.completion().orElse(null) instanceof LinkedCompletion.Poll poll) {
                awaitedPerForm(type, command, t -> pollCommand(t, command, poll));
            } else if (command.completion().orElse(null) instanceof LinkedCompletion.Urcs urcCompletion) {
                awaitedPerForm(type, command, t -> urcCommand(t, command, urcCompletion));
            } else if (!command.forms().stream().allMatch(FacadeWriter::isShortcut)) {
                // A command of shortcuts only gets them alone: one facade method per form.
                plainCommand(type, command);
            }
            shortcuts(type, command);
        }
        if (!chapter.urcs().isEmpty()) {
            listeners(type);
        }
        return type.build();
    }

    /** The chapter's edition enum, when the spec names editions. */
    Optional<ClassName> editionType() {
        return chapter.source().editions().isEmpty()
                ? Optional.empty()
                : Optional.of(types.local(chapter.names().edition()));
    }

    /**
     * {@code request.command()}, or, for a command whose timeout differs by edition,
     * {@code request.command(httpActionTimeout())}: the facade answers for its edition.
     */
    private CodeBlock commandOf(LinkedCommand command, String request) {
        return commandOf(command.timeoutByEdition(), method(command), CodeBlock.of("$L", request));
    }

    private CodeBlock commandOf(boolean byEdition, String method, CodeBlock request) {
        if (editionType().isPresent() && byEdition) {
            return CodeBlock.of("$L.command($LTimeout())", request, method);
        }
        return CodeBlock.of("$L.command()", request);
    }

    /** {@code httpActionTimeout()}: the command's timeout in the facade's edition. */
    private MethodSpec timeoutMethod(LinkedCommand command, ClassName editions) {
        ClassName request = types.local(command.javaName());
        CodeBlock.Builder cases =
                CodeBlock.builder().add("return switch (edition) {\n").indent();
        for (io.atspec.grammar.model.Edition edition : chapter.source().editions()) {
            String constant = Names.constant(edition.name());
            boolean own = command.editionTimeouts().containsKey(edition.name());
            cases.add("case $L -> $T.$L;\n", constant, request, own ? "TIMEOUT_" + constant : "TIMEOUT");
        }
        cases.unindent().add("};\n");
        return MethodSpec.methodBuilder(method(command) + "Timeout")
                .addModifiers(Modifier.PRIVATE)
                .returns(Duration.class)
                .addCode(cases.build())
                .build();
    }

    /** The chapter's editions as an enum, the first being the default. */
    TypeSpec editionEnum() {
        ClassName self = editionType().orElseThrow();
        TypeSpec.Builder type = TypeSpec.enumBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(generated.annotation())
                .addJavadoc(
                        "The editions of the manual that chapter $L tells apart; {@link #$L} is the default.\n",
                        chapter.name(),
                        Names.constant(chapter.source().editions().get(0).name()))
                .addJavadoc("\n<p>A facade made for an edition uses that edition's timeouts.\n");
        for (io.atspec.grammar.model.Edition edition : chapter.source().editions()) {
            type.addEnumConstant(
                    Names.constant(edition.name()),
                    TypeSpec.anonymousClassBuilder("")
                            .addJavadoc("$L\n", Docs.escape(edition.description()))
                            .build());
        }
        return type.build();
    }

    /**
     * The block tags of a command method: its request, the completion timeout when it takes one,
     * and what it returns.
     */
    private static CodeBlock tags(boolean completionTimeout, String returns) {
        CodeBlock.Builder tags = CodeBlock.builder().add("\n@param request the command to send\n");
        if (completionTimeout) {
            tags.add("@param completionTimeout how long to wait after the OK\n");
        }
        return tags.add("@return $L\n", returns).build();
    }

    private static String method(LinkedCommand command) {
        return Names.camel(command.javaName());
    }

    private CodeBlock doc(LinkedCommand command) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add(
                        "Sends $L: $L",
                        Docs.code(command.name()),
                        Docs.escape(command.source().title()));
        command.source().section().ifPresent(s -> doc.add(" (section $L)", s));
        return doc.add(".\n").build();
    }

    /**
     * A command without a completion: one method for all its forms when none of them answers, or
     * else one per form, typed by its record ({@code creg(Creg.SetForm)}) and returning the
     * form's typed response when it has one ({@code sockClose(SockClose)} returns
     * {@code SockCloseResponse}), so that no two methods return the same answer. A form without
     * arguments that answers has its shortcut ({@code cregQuery()}) instead.
     */
    private void plainCommand(TypeSpec.Builder type, LinkedCommand command) {
        ClassName all = types.local(command.javaName());
        if (command.forms().stream().noneMatch(LinkedForm::answers)) {
            plainMethods(type, command, all, Optional.empty());
            return;
        }
        for (LinkedForm form : command.forms()) {
            if (isShortcut(form)) {
                continue;
            }
            // A command of one form is that form: its interface is the request type.
            ClassName request = command.forms().size() == 1 ? all : all.nestedClass(form.recordName());
            plainMethods(type, command, request, form.answers() ? Optional.of(form) : Optional.empty());
        }
    }

    /**
     * The methods of a command with a completion, taking the command's sealed type; but when some
     * of its forms have shortcuts of their own ({@code xiicQuery()}), those methods stay private
     * and each other form gets public ones typed by its record ({@code xiic(Xiic.Activate)}), so
     * that no two public methods send the same form.
     */
    private void awaitedPerForm(
            TypeSpec.Builder type, LinkedCommand command, java.util.function.Consumer<TypeSpec.Builder> writer) {
        if (command.forms().stream().noneMatch(FacadeWriter::isShortcut)) {
            writer.accept(type);
            return;
        }
        TypeSpec.Builder scratch = TypeSpec.classBuilder("Scratch");
        writer.accept(scratch);
        ClassName all = types.local(command.javaName());
        for (MethodSpec m : scratch.build().methodSpecs()) {
            // Same name, the sealed type: overload resolution picks it for a variable of that type.
            type.addMethod(MethodSpec.methodBuilder(m.name())
                    .addModifiers(Modifier.PRIVATE)
                    .addParameters(m.parameters())
                    .returns(m.returnType())
                    .addCode(m.code())
                    .build());
            for (LinkedForm form : command.forms()) {
                if (isShortcut(form)) {
                    continue;
                }
                ClassName record = all.nestedClass(form.recordName());
                MethodSpec.Builder perForm = MethodSpec.methodBuilder(m.name())
                        .addJavadoc(m.javadoc())
                        .addModifiers(Modifier.PUBLIC)
                        .returns(m.returnType());
                List<String> arguments = new java.util.ArrayList<>();
                for (ParameterSpec p : m.parameters()) {
                    boolean request = p.name().equals("request");
                    perForm.addParameter(request ? record : p.type(), p.name());
                    arguments.add(request ? "any" : p.name());
                }
                type.addMethod(perForm.addStatement("$T any = request", all)
                        .addStatement("return $L($L)", m.name(), String.join(", ", arguments))
                        .build());
            }
        }
    }

    /**
     * Blocking and async, with the manual's timeout and with the caller's: the module's answer,
     * or, for a form with an information response, that response read ({@code first}).
     */
    private void plainMethods(
            TypeSpec.Builder type, LinkedCommand command, ClassName request, Optional<LinkedForm> answering) {
        Optional<ClassName> response = answering.map(f -> ResponseWriter.name(types, f));
        CodeBlock formDoc = request.enclosingClassName() == null
                ? CodeBlock.of("")
                : CodeBlock.of("\n<p>The {@link $T} form; each other form has a method of its own.\n", request);
        TypeName result = response.<TypeName>map(r -> r).orElse(Types.AT_RESPONSE);
        TypeName future = ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result);
        String answer = response.isPresent() ? "its answer, typed" : "the module's answer";
        CodeBlock throwsDoc = response.map(r -> CodeBlock.of(
                        "@throws $T if the module answered without $L\n",
                        Types.WIRE_PARSE_EXCEPTION,
                        Docs.code(String.join(
                                " or ",
                                answering.orElseThrow().source().responses().stream()
                                        .map(ResponseFormat::wirePrefix)
                                        .distinct()
                                        .toList()))))
                .orElse(CodeBlock.of(""));
        CodeBlock read = response.map(r -> CodeBlock.of("$T.first(", r)).orElse(CodeBlock.of(""));
        String close = response.isPresent() ? ")" : "";
        CodeBlock then =
                response.map(r -> CodeBlock.of(".thenApply($T::first)", r)).orElse(CodeBlock.of(""));
        type.addMethod(MethodSpec.methodBuilder(method(command))
                .addJavadoc(doc(command))
                .addJavadoc(formDoc)
                .addJavadoc(tags(false, answer))
                .addJavadoc(throwsDoc)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .returns(result)
                .addStatement("return $Lchannel.execute($L)$L", read, commandOf(command, "request"), close)
                .build());
        type.addMethod(MethodSpec.methodBuilder(method(command) + "Async")
                .addJavadoc(doc(command))
                .addJavadoc(formDoc)
                .addJavadoc(tags(false, "a future of " + answer))
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .returns(future)
                .addStatement("return channel.submit($L)$L", commandOf(command, "request"), then)
                .build());
        // The same with a timeout of the caller's, for a module known to be slower than its manual.
        type.addMethod(MethodSpec.methodBuilder(method(command))
                .addJavadoc(doc(command))
                .addJavadoc(formDoc)
                .addJavadoc(timeoutTags(answer))
                .addJavadoc(throwsDoc)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .addParameter(Duration.class, "timeout")
                .returns(result)
                .addStatement("return $Lchannel.execute(request.command(timeout))$L", read, close)
                .build());
        type.addMethod(MethodSpec.methodBuilder(method(command) + "Async")
                .addJavadoc(doc(command))
                .addJavadoc(formDoc)
                .addJavadoc(timeoutTags("a future of " + answer))
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .addParameter(Duration.class, "timeout")
                .returns(future)
                .addStatement("return channel.submit(request.command(timeout))$L", then)
                .build());
    }

    private static CodeBlock timeoutTags(String returns) {
        return CodeBlock.builder()
                .add("\n@param request the command to send\n")
                .add("@param timeout how long to wait for the final result, instead of the manual's timeout\n")
                .add("@return $L\n", returns)
                .build();
    }

    /** A condition that the request is of a form the completion applies to. */
    private CodeBlock appliesTo(LinkedCommand command, LinkedCompletion completion) {
        if (completion.forms().isEmpty()) {
            return CodeBlock.of("true");
        }
        List<CodeBlock> checks = new ArrayList<>();
        for (LinkedForm form : completion.forms()) {
            checks.add(CodeBlock.of(
                    "request instanceof $T", types.local(command.javaName()).nestedClass(form.recordName())));
        }
        return CodeBlock.join(checks, " || ");
    }

    private void urcCommand(TypeSpec.Builder type, LinkedCommand command, LinkedCompletion.Urcs completion) {
        ClassName request = types.local(command.javaName());
        ClassName outcome = outcomeName(types, command);
        String constant = Names.constant(command.javaName().replaceAll("([a-z])([A-Z])", "$1_$2")) + "_COMPLETION";
        List<String> collect = completion.lineStarts();
        LinkedUrc end = completion.end();
        Duration timeout = completion.timeout();
        String endMethod = "ends" + command.javaName();
        CodeBlock aborts = completion.abortLineStarts().isEmpty()
                ? CodeBlock.of("")
                : CodeBlock.of(",$W$T.of($L)", List.class, strings(completion.abortLineStarts()));
        type.addField(FieldSpec.builder(COMPLETION, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(
                        "new $T($T.of($L),$W$T::$L,$W$T.ofMillis($L)$L)$L",
                        COMPLETION,
                        List.class,
                        strings(collect),
                        name(),
                        endMethod,
                        Duration.class,
                        timeout.toMillis(),
                        aborts,
                        reportOutcomes.failing(type, command, completion))
                .build());
        type.addMethod(endPredicate(endMethod, completion));
        CodeBlock completionOf = CodeBlock.of("$L", constant);
        if (completion.endGiven().isPresent()) {
            completionOf = givenCompletion(type, command, completion, constant, endMethod, aborts);
        }
        completionOf = headersOnly(command, completion, completionOf);
        completionOf = reportOutcomes.correlated(type, command, completion, completionOf);
        CodeBlock applies = appliesTo(command, completion);
        String wait = RequestWriter.human(timeout);
        type.addMethod(MethodSpec.methodBuilder(method(command))
                .addJavadoc(doc(command))
                .addJavadoc("\n<p>The OK only acknowledges it: waits up to $L for $L.\n", wait, Docs.code(end.prefix()))
                .addJavadoc(wholeMessageDoc(completion))
                .addJavadoc(abortDoc(completion))
                .addJavadoc(tags(false, "the acknowledgement and the reports"))
                .addJavadoc(reportOutcomes.failsDoc(completion))
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .returns(outcome)
                .addStatement("return $L(request, $L.timeout())", method(command), constant)
                .build());
        MethodSpec.Builder blocking = MethodSpec.methodBuilder(method(command))
                .addJavadoc(doc(command))
                .addJavadoc(
                        "\n<p>Waits up to {@code completionTimeout} after the OK for $L.\n", Docs.code(end.prefix()))
                .addJavadoc(tags(true, "the acknowledgement and the reports"))
                .addJavadoc(reportOutcomes.failsDoc(completion))
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .addParameter(Duration.class, "completionTimeout")
                .returns(outcome);
        MethodSpec.Builder async = MethodSpec.methodBuilder(method(command) + "Async")
                .addJavadoc(doc(command))
                .addJavadoc(
                        "\n<p>Completes when $L arrives, or fails after {@code completionTimeout}.\n",
                        Docs.code(end.prefix()))
                .addJavadoc(tags(true, "a future of the acknowledgement and the reports"))
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .addParameter(Duration.class, "completionTimeout")
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), outcome));
        if (!applies.toString().equals("true")) {
            blocking.beginControlFlow("if (!($L))", applies)
                    .addStatement("return $T.acknowledged(channel.execute($L))", outcome, commandOf(command, "request"))
                    .endControlFlow();
            async.beginControlFlow("if (!($L))", applies)
                    .addStatement(
                            "return channel.submit($L).thenApply($T::acknowledged)",
                            commandOf(command, "request"),
                            outcome)
                    .endControlFlow();
        }
        CodeBlock withTimeout = CodeBlock.of("$L.withTimeout(completionTimeout)", completionOf);
        blocking.addStatement(
                "return $T.of(channel.execute($L,$W$L))", outcome, commandOf(command, "request"), withTimeout);
        async.addStatement(
                "return channel.submit($L,$W$L)$Z.thenApply($T::of)",
                commandOf(command, "request"),
                withTimeout,
                outcome);
        type.addMethod(blocking.build());
        type.addMethod(MethodSpec.methodBuilder(method(command) + "Async")
                .addJavadoc(doc(command))
                .addJavadoc("\n<p>Completes when $L arrives, or fails after $L.\n", Docs.code(end.prefix()), wait)
                .addJavadoc(tags(false, "a future of the acknowledgement and the reports"))
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), outcome))
                .addStatement("return $LAsync(request, $L.timeout())", method(command), constant)
                .build());
        type.addMethod(async.build());
    }

    /**
     * For {@code until +X when <f> in ... given <p>}: a second completion that the first
     * {@code +X} ends, used when the request does not carry {@code <p>}, and a method that
     * chooses between the two. Returns the call that yields the request's completion.
     */
    private CodeBlock givenCompletion(
            TypeSpec.Builder type,
            LinkedCommand command,
            LinkedCompletion.Urcs completion,
            String constant,
            String endMethod,
            CodeBlock aborts) {
        LinkedParameter given = completion.endGiven().orElseThrow();
        String without = constant + "_WITHOUT_" + Names.constant(given.name());
        String anyEnd = endMethod + "AtFirst";
        type.addMethod(MethodSpec.methodBuilder(anyEnd)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Types.URC, "urc")
                .returns(boolean.class)
                .addStatement(
                        "return $T.matches(urc.line())",
                        types.local(completion.end().javaName()))
                .build());
        type.addField(FieldSpec.builder(COMPLETION, without, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(
                        "new $T($L.collect(),$W$T::$L,$W$L.timeout()$L)",
                        COMPLETION,
                        constant,
                        name(),
                        anyEnd,
                        constant,
                        aborts)
                .build());
        String chooser = method(command) + "Completion";
        type.addMethod(MethodSpec.methodBuilder(chooser)
                .addJavadoc(
                        "Without $L the first $L ends the wait; with it, only the values the spec names.\n",
                        Docs.code("<" + given.name() + ">"),
                        Docs.code(completion.end().prefix()))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(types.local(command.javaName()), "request")
                .returns(COMPLETION)
                .addStatement("return $L ? $L : $L", carries(command, completion, given), constant, without)
                .build());
        return CodeBlock.of("$L(request)", chooser);
    }

    /**
     * For {@code headers only for <form>}: a request of such a form tells the channel that its
     * HTTP answers have no body (a HEAD request's), which the bytes alone cannot say.
     */
    private CodeBlock headersOnly(LinkedCommand command, LinkedCompletion.Urcs completion, CodeBlock completionOf) {
        if (completion.headersOnlyForms().isEmpty()) {
            return completionOf;
        }
        List<CodeBlock> checks = new ArrayList<>();
        for (LinkedForm form : completion.headersOnlyForms()) {
            checks.add(CodeBlock.of(
                    "request instanceof $T", types.local(command.javaName()).nestedClass(form.recordName())));
        }
        return CodeBlock.of(
                "($L$W? $L.withBodilessMessages()$W: $L)", CodeBlock.join(checks, " || "), completionOf, completionOf);
    }

    /** Says that a whole HTTP message ends the wait as well, when one is collected. */
    private static CodeBlock wholeMessageDoc(LinkedCompletion.Urcs completion) {
        if (completion.wholeMessageEnds().isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.of(
                "<p>A whole HTTP message in $L (one its Content-Length, chunks or status delimit) ends the"
                        + " wait too: a kept-alive link sends no $L.\n",
                String.join(
                        " or ",
                        completion.wholeMessageEnds().stream()
                                .map(u -> Docs.code(u.prefix()))
                                .toList()),
                Docs.code(completion.end().prefix()));
    }

    /** A condition that the request sends parameter {@code given}. */
    private CodeBlock carries(LinkedCommand command, LinkedCompletion completion, LinkedParameter given) {
        List<CodeBlock> checks = new ArrayList<>();
        int n = 0;
        for (LinkedForm form : command.forms()) {
            if (!completion.forms().isEmpty() && !completion.forms().contains(form)) {
                continue;
            }
            List<FieldRecords.Field> fields =
                    records.fields(List.of(form.source().format()), command.parameters());
            ClassName record = types.local(command.javaName()).nestedClass(form.recordName());
            for (FieldRecords.Field field : fields) {
                if (!field.parameter().name().equals(given.name())) {
                    continue;
                }
                String variable = "form" + n++;
                checks.add(
                        field.optional()
                                ? CodeBlock.of(
                                        "request instanceof $T $L && $L.$L().isPresent()",
                                        record,
                                        variable,
                                        variable,
                                        field.javaName())
                                : CodeBlock.of("request instanceof $T", record));
            }
        }
        return checks.isEmpty() ? CodeBlock.of("false") : CodeBlock.join(checks, " || ");
    }

    private static CodeBlock strings(List<String> values) {
        return CodeBlock.join(values.stream().map(s -> CodeBlock.of("$S", s)).toList(), ", ");
    }

    /** Says which reports end the wait early, and with what. */
    private static CodeBlock abortDoc(LinkedCompletion.Urcs completion) {
        if (completion.abortLineStarts().isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.of(
                "<p>Ends at once with {@link $T} when $L arrives.\n",
                ClassName.get(Types.RUNTIME, "CompletionAbortedException"),
                String.join(
                        " or ",
                        completion.abortLineStarts().stream().map(Docs::code).toList()));
    }

    private MethodSpec endPredicate(String name, LinkedCompletion.Urcs completion) {
        LinkedUrc end = completion.end();
        ClassName record = types.local(end.javaName());
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Types.URC, "urc")
                .returns(boolean.class);
        if (completion.endField().isEmpty()) {
            List<CodeBlock> ends = new ArrayList<>();
            ends.add(CodeBlock.of("$T.matches(urc.line())", record));
            for (LinkedUrc message : completion.wholeMessageEnds()) {
                // The message's own framing delimited it: on a kept-alive link no terminator comes.
                ends.add(CodeBlock.of("urc.endsMessage() && $T.matches(urc.line())", types.local(message.javaName())));
            }
            return method.addStatement("return $L", CodeBlock.join(ends, "$W|| "))
                    .build();
        }
        LinkedParameter endField = completion.endField().get();
        CodeBlock ends = Shapes.of(types, end)
                .test(
                        "report",
                        endField.source(),
                        (report, optional) -> ReportOutcomes.hasValue(
                                report,
                                endField,
                                List.of(new FieldRecords.Field(endField.source(), optional)),
                                completion.endValues(),
                                completion.endWords()));
        return method.beginControlFlow("if (!$T.matches(urc.line()))", record)
                .addStatement("return false")
                .endControlFlow()
                .beginControlFlow("try")
                .addStatement("$T report = $T.parse(urc)", record, record)
                .addStatement("return $L", ends)
                .nextControlFlow("catch ($T malformed)", RequestWriter.AT_EXCEPTION)
                .addComment("A malformed report does not end the wait; the timeout will, with what came.")
                .addStatement("return false")
                .endControlFlow()
                .build();
    }

    /** Whether field {@code field} of {@code record} (one of {@code fields}) has one of {@code values}. */
    static CodeBlock inRanges(String record, LinkedParameter field, List<FieldRecords.Field> fields, ValueSet values) {
        boolean optional = fields.stream()
                .filter(f -> f.parameter().equals(field.source()))
                .anyMatch(FieldRecords.Field::optional);
        return CodeBlock.of(
                "$T.inRanges($L$L)", VALUES, numeric(record, field.source(), optional), Types.bounds(values));
    }

    /** The value of a field as a number, for comparing it with the values that end a wait. */
    private static CodeBlock numeric(String record, Parameter field, boolean optional) {
        String access = record + "." + Names.camel(field.name()) + "()";
        boolean coded = field.type() instanceof ParamType.EnumRef;
        if (!optional) {
            return coded ? CodeBlock.of("$T.number($L.code())", VALUES, access) : CodeBlock.of("$L", access);
        }
        if (coded) {
            return CodeBlock.of("$L.map(c -> $T.number(c.code())).orElse($T.MIN_VALUE)", access, VALUES, Long.class);
        }
        return CodeBlock.of("$L.isPresent() ? $L.getAsInt() : $T.MIN_VALUE", access, access, Long.class);
    }

    private void pollCommand(TypeSpec.Builder type, LinkedCommand command, LinkedCompletion.Poll poll) {
        LinkedForm query = poll.queryForm();
        ClassName response = ResponseWriter.name(types, query);
        ClassName request = types.local(command.javaName());
        ClassName outcome = outcomeName(types, command);
        List<FieldRecords.Field> fields = records.fields(
                query.source().responses().stream().map(ResponseFormat::format).toList(),
                types.parameters(poll.query()));
        Duration timeout = poll.timeout();
        Duration every = poll.every();
        CodeBlock applies = appliesTo(command, poll);
        TypeName future = ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), outcome);
        String goal = Docs.code(poll.query().name() + "?") + " every " + RequestWriter.human(every) + " until "
                + Docs.code("<" + poll.field().name() + ">") + " is " + poll.values();

        type.addMethod(MethodSpec.methodBuilder(method(command))
                .addJavadoc(doc(command))
                .addJavadoc(
                        "\n<p>The OK only acknowledges it: polls $L, for up to $L.\n",
                        goal,
                        RequestWriter.human(timeout))
                .addJavadoc(tags(false, "the acknowledgement and the poll answer"))
                .addJavadoc("@throws $T if the state is not reached in time\n", COMPLETION_TIMEOUT)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .returns(outcome)
                .addStatement(
                        "return $L(request, $T.ofMillis($L))", method(command), Duration.class, timeout.toMillis())
                .build());
        type.addMethod(MethodSpec.methodBuilder(method(command))
                .addJavadoc(doc(command))
                .addJavadoc("\n<p>Polls $L, for up to {@code completionTimeout}.\n", goal)
                .addJavadoc(tags(true, "the acknowledgement and the poll answer"))
                .addJavadoc("@throws $T if the state is not reached in time\n", COMPLETION_TIMEOUT)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .addParameter(Duration.class, "completionTimeout")
                .returns(outcome)
                .beginControlFlow("try")
                .addStatement("return $LAsync(request, completionTimeout).join()", method(command))
                .nextControlFlow("catch ($T e)", java.util.concurrent.CompletionException.class)
                .addComment("Rethrow what went wrong as the caller would have seen it without the future.")
                .beginControlFlow("if (e.getCause() instanceof RuntimeException cause)")
                .addStatement("throw cause")
                .endControlFlow()
                .addStatement("throw e")
                .endControlFlow()
                .build());
        type.addMethod(MethodSpec.methodBuilder(method(command) + "Async")
                .addJavadoc(doc(command))
                .addJavadoc(
                        "\n<p>Polls $L, for up to $L, without blocking a thread between polls.\n",
                        goal,
                        RequestWriter.human(timeout))
                .addJavadoc(tags(false, "a future of the acknowledgement and the poll answer"))
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .returns(future)
                .addStatement(
                        "return $LAsync(request, $T.ofMillis($L))", method(command), Duration.class, timeout.toMillis())
                .build());
        MethodSpec.Builder async = MethodSpec.methodBuilder(method(command) + "Async")
                .addJavadoc(doc(command))
                .addJavadoc(
                        "\n<p>Polls $L, for up to {@code completionTimeout} after the OK, without blocking a thread"
                                + " between polls.\n",
                        goal)
                .addJavadoc(tags(true, "a future of the acknowledgement and the poll answer"))
                .addModifiers(Modifier.PUBLIC)
                .addParameter(request, "request")
                .addParameter(Duration.class, "completionTimeout")
                .returns(future);
        if (!applies.toString().equals("true")) {
            async.beginControlFlow("if (!($L))", applies)
                    .addStatement(
                            "return channel.submit($L).thenApply(ack -> new $T(ack, $T.empty()))",
                            commandOf(command, "request"),
                            outcome,
                            Optional.class)
                    .endControlFlow();
        }
        io.atspec.grammar.model.Command queried = poll.query();
        CodeBlock queryCommand = commandOf(
                queried.timeouts().stream().anyMatch(t -> t.edition().isPresent()),
                Names.camel(queried.javaName()),
                CodeBlock.of("$T.$L()", types.local(queried.javaName()), query.factoryName()));
        async.addStatement(
                "return channel.submit($L).thenCompose(ack -> $T.until(channel, $L, $T::first, answer -> $L,"
                        + " $T.ofMillis($L), completionTimeout, $S).thenApply(answer -> new $T(ack, $T.of(answer))))",
                commandOf(command, "request"),
                POLLING,
                queryCommand,
                response,
                Shapes.of(types, types.parameters(poll.query()), query)
                        .test(
                                "answer",
                                poll.field().source(),
                                (answer, optional) -> inRanges(
                                        answer,
                                        poll.field(),
                                        List.of(new FieldRecords.Field(
                                                poll.field().source(), optional)),
                                        poll.values())),
                Duration.class,
                every.toMillis(),
                command.name() + ": <" + poll.field().name() + "> of "
                        + poll.query().name() + "? did not become " + poll.values(),
                outcome,
                Optional.class);
        type.addMethod(async.build());
    }

    /**
     * {@code terminal()}, the report that ended the wait as its own type, and one typed list per
     * kind of report collected ({@code httpRecvReports()}), so that no caller casts.
     */
    private void typedReports(TypeSpec.Builder type, LinkedCompletion.Urcs completion) {
        ClassName end = types.local(completion.end().javaName());
        type.addMethod(MethodSpec.methodBuilder("terminal")
                .addJavadoc(
                        "The report that ended the wait, $L.\n\n",
                        Docs.code(completion.end().prefix()))
                .addJavadoc(
                        completion.wholeMessageEnds().isEmpty()
                                ? "@return it; empty when the form only gets its acknowledgement\n"
                                : "@return it; empty when the form only gets its acknowledgement, or when a whole HTTP"
                                        + " message ended the wait (a kept-alive link)\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, end))
                .beginControlFlow("if (!reports.isEmpty() && reports.get(reports.size() - 1) instanceof $T last)", end)
                .addStatement("return $T.of(last)", Optional.class)
                .endControlFlow()
                .addStatement("return $T.empty()", Optional.class)
                .build());
        java.util.Set<String> done = new java.util.LinkedHashSet<>();
        List<LinkedUrc> kinds = new ArrayList<>(completion.collect());
        kinds.add(completion.end());
        for (LinkedUrc urc : kinds) {
            if (!done.add(urc.javaName())) {
                continue;
            }
            ClassName record = types.local(urc.javaName());
            type.addMethod(MethodSpec.methodBuilder(Names.camel(urc.javaName()) + "Reports")
                    .addJavadoc(
                            "The $L reports, in order (the terminal report too, when it is one).\n\n",
                            Docs.code(urc.prefix()))
                    .addJavadoc("@return them, typed\n")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(List.class), record))
                    .addStatement(
                            "return reports.stream()$Z.filter($T.class::isInstance)$Z.map($T.class::cast)$Z.toList()",
                            record,
                            record)
                    .build());
        }
    }

    /** A form that takes no argument and gets an information response: read it directly. */
    private static boolean isShortcut(LinkedForm linked) {
        Form form = linked.source();
        return linked.answers()
                && form.format().fields().isEmpty()
                && form.promptPayload().isEmpty();
    }

    private void shortcuts(TypeSpec.Builder type, LinkedCommand command) {
        for (LinkedForm linked : command.forms()) {
            Form form = linked.source();
            if (!isShortcut(linked)) {
                continue;
            }
            ClassName response = ResponseWriter.name(types, linked);
            String name = method(command) + ChapterNames.formStem(form);
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addJavadoc(
                            "Sends $L and reads its answer.\n\n@return the answer\n",
                            Docs.code(command.name() + form.kind().suffix()))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(response)
                    .addStatement(
                            "return $T.first(channel.execute($L))",
                            response,
                            commandOf(
                                    command.timeoutByEdition(),
                                    method(command),
                                    CodeBlock.of("$T.$L()", types.local(command.javaName()), linked.factoryName())))
                    .build());
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addJavadoc(
                            "Sends $L and reads its answer, waiting up to {@code timeout}.\n\n",
                            Docs.code(command.name() + form.kind().suffix()))
                    .addJavadoc(
                            "@param timeout how long to wait for the final result, instead of the manual's timeout\n")
                    .addJavadoc("@return the answer\n")
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(Duration.class, "timeout")
                    .returns(response)
                    .addStatement(
                            "return $T.first(channel.execute($T.$L().command(timeout)))",
                            response,
                            types.local(command.javaName()),
                            linked.factoryName())
                    .build());
            asyncShortcuts(type, command, linked, name, response);
        }
    }

    /** The non-blocking counterparts of a shortcut: the same answer, typed, in a future. */
    private void asyncShortcuts(
            TypeSpec.Builder type, LinkedCommand command, LinkedForm linked, String name, ClassName response) {
        TypeName future = ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), response);
        String wire = Docs.code(command.name() + linked.source().kind().suffix());
        CodeBlock request = CodeBlock.of("$T.$L()", types.local(command.javaName()), linked.factoryName());
        type.addMethod(MethodSpec.methodBuilder(name + "Async")
                .addJavadoc("Sends $L; the future completes with its answer.\n\n", wire)
                .addJavadoc("@return a future of the answer\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(future)
                .addStatement(
                        "return channel.submit($L).thenApply($T::first)",
                        commandOf(command.timeoutByEdition(), method(command), request),
                        response)
                .build());
        type.addMethod(MethodSpec.methodBuilder(name + "Async")
                .addJavadoc("Sends $L; the future completes with its answer, or fails after {@code timeout}.\n\n", wire)
                .addJavadoc("@param timeout how long to wait for the final result, instead of the manual's timeout\n")
                .addJavadoc("@return a future of the answer\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Duration.class, "timeout")
                .returns(future)
                .addStatement("return channel.submit($L.command(timeout)).thenApply($T::first)", request, response)
                .build());
    }

    private void listeners(TypeSpec.Builder type) {
        ClassName sealed = urcs.sealedName();
        type.addMethod(MethodSpec.methodBuilder("listen")
                .addJavadoc("Delivers every URC of this chapter, typed, on the channel's dispatcher thread.\n\n")
                .addJavadoc("@param listener called with each URC\n")
                .addJavadoc("@return the registration, to stop the delivery\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(
                        ParameterizedTypeName.get(ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(sealed)),
                        "listener")
                .returns(REGISTRATION)
                .addCode(CodeBlock.builder()
                        .add("$T adapter = urc -> {\n", URC_LISTENER)
                        .indent()
                        .beginControlFlow("try")
                        .addStatement("$T.parse(urc).ifPresent(listener)", sealed)
                        .nextControlFlow("catch ($T malformed)", Types.WIRE_PARSE_EXCEPTION)
                        .addStatement("LOG.warn($S, malformed.getMessage())", "URC not delivered: {}")
                        .endControlFlow()
                        .unindent()
                        .add("};\n")
                        .build())
                .addStatement("channel.addListener(adapter)")
                .addStatement("return () -> channel.removeListener(adapter)")
                .build());
        TypeVariableName t = TypeVariableName.get("T", sealed);
        type.addMethod(MethodSpec.methodBuilder("on")
                .addJavadoc(
                        "Delivers the URCs of one type, e.g. {@code on($L.class, report -> ...)}.\n\n",
                        chapter.urcs().get(0).javaName())
                .addJavadoc("@param <T> the URC type\n")
                .addJavadoc("@param type the URC type's class\n")
                .addJavadoc("@param listener called with each URC of that type\n")
                .addJavadoc("@return the registration, to stop the delivery\n")
                .addModifiers(Modifier.PUBLIC)
                .addTypeVariable(t)
                .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
                .addParameter(
                        ParameterizedTypeName.get(ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(t)),
                        "listener")
                .returns(REGISTRATION)
                .addCode(CodeBlock.builder()
                        .add("return listen(urc -> {\n")
                        .indent()
                        .beginControlFlow("if (type.isInstance(urc))")
                        .addStatement("listener.accept(type.cast(urc))")
                        .endControlFlow()
                        .unindent()
                        .add("});\n")
                        .build())
                .build());
    }

    /** The outcome of a command with a completion. */
    TypeSpec outcome(LinkedCommand command) {
        LinkedCompletion completion = command.completion().orElseThrow();
        ClassName self = outcomeName(types, command);
        if (completion instanceof LinkedCompletion.Poll poll) {
            ClassName response = ResponseWriter.name(types, poll.queryForm());
            return TypeSpec.recordBuilder(self)
                    .addModifiers(Modifier.PUBLIC)
                    .addAnnotation(generated.annotation())
                    .addJavadoc(
                            "What $L came to: its acknowledgement, and the answer of the poll that ended the wait.\n\n",
                            Docs.code(command.name()))
                    .addJavadoc(
                            "@param acknowledgement the command's own final result\n@param result the poll answer that reached the awaited state; empty for forms that are not awaited\n")
                    .recordConstructor(MethodSpec.constructorBuilder()
                            .addParameter(Types.AT_RESPONSE, "acknowledgement")
                            .addParameter(ParameterizedTypeName.get(Types.OPTIONAL, response), "result")
                            .build())
                    .build();
        }
        ClassName sealed = urcs.sealedName();
        TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), sealed);
        TypeSpec.Builder type = TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(generated.annotation())
                .addJavadoc(
                        "What $L came to: its acknowledgement and the URCs that carried the outcome, in order.\n\n",
                        Docs.code(command.name()))
                .addJavadoc(
                        "@param acknowledgement the command's own final result\n@param reports the collected URCs, the one that ended the wait last\n")
                .recordConstructor(MethodSpec.compactConstructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Keeps an unmodifiable copy of the reports.\n\n")
                        .addJavadoc(
                                "@param acknowledgement the command's own final result\n@param reports the collected URCs, the one that ended the wait last\n")
                        .addParameter(Types.AT_RESPONSE, "acknowledgement")
                        .addParameter(list, "reports")
                        .addStatement("reports = $T.copyOf(reports)", List.class)
                        .build());
        type.addMethod(MethodSpec.methodBuilder("of")
                .addModifiers(Modifier.STATIC)
                .addParameter(COMPLETED, "completed")
                .returns(self)
                .addStatement("$T reports = new $T<>()", list, ArrayList.class)
                .beginControlFlow("for ($T urc : completed.urcs())", Types.URC)
                .addStatement("$T.parse(urc).ifPresent(reports::add)", sealed)
                .endControlFlow()
                .addStatement("return new $T(completed.ack(), reports)", self)
                .build());
        type.addMethod(MethodSpec.methodBuilder("acknowledged")
                .addModifiers(Modifier.STATIC)
                .addParameter(Types.AT_RESPONSE, "acknowledgement")
                .returns(self)
                .addStatement("return new $T(acknowledgement, $T.of())", self, List.class)
                .build());
        typedReports(type, (LinkedCompletion.Urcs) completion);
        MethodSpec.Builder data = MethodSpec.methodBuilder("data")
                .addJavadoc("Every payload byte of the reports, in order: the response data.\n\n")
                .addJavadoc("@return the bytes, empty when no report carried any\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(Types.BYTES)
                .addStatement(
                        "$T out = new $T()", java.io.ByteArrayOutputStream.class, java.io.ByteArrayOutputStream.class)
                .beginControlFlow("for ($T report : reports)", sealed);
        boolean anyPayload = false;
        for (Shapes.Shape shape : ((LinkedCompletion.Urcs) completion)
                .collect().stream()
                        .flatMap(urc -> Shapes.of(types, urc).shapes().stream())
                        .toList()) {
            List<FieldRecords.Field> payloads = shape.fields().stream()
                    .filter(FieldRecords.Field::isPayload)
                    .toList();
            if (payloads.isEmpty()) {
                continue;
            }
            anyPayload = true;
            data.beginControlFlow("if (report instanceof $T r)", shape.record());
            for (FieldRecords.Field payload : payloads) {
                if (payload.optional()) {
                    data.addStatement("r.$L().ifPresent(out::writeBytes)", payload.javaName());
                } else {
                    data.addStatement("out.writeBytes(r.$L())", payload.javaName());
                }
            }
            data.endControlFlow();
        }
        data.endControlFlow().addStatement("return out.toByteArray()");
        if (anyPayload) {
            type.addMethod(data.build());
        }
        return type.build();
    }
}
