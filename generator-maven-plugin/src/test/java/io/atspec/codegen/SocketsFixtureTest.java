package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtChannelConfig;
import io.atspec.runtime.AtCommandFailedException;
import io.atspec.runtime.CompletionFailedException;
import io.atspec.runtime.ShapedErrorException;
import io.atspec.runtime.Urc;
import io.atspec.runtime.UrcListener;
import io.atspec.runtime.testing.ScriptedModem;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A socket chapter of another vendor (shaped error finals, a final response, completions tied
 * to the request's link and failing on a report) checks clean with its examples, its bindings
 * compile without a warning, and they work through {@link AtChannel} and the scripted modem.
 * The bindings are compiled here, so the tests call them by name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocketsFixtureTest {

    private static final String PACKAGE = "io.acme.sockets.";

    private CompiledChapter bindings;
    private ScriptedModem modem;
    private AtChannel channel;
    private Object facade;
    private BlockingQueue<Urc> urcs;

    @BeforeAll
    void compileTheFixture() {
        bindings = new CompiledChapter(Specs.generate(Specs.SOCKETS, Specs.SOCKETS_NAME));
    }

    @AfterAll
    void deleteClasses() throws Exception {
        bindings.close();
    }

    @Test
    void itChecksCleanWithItsExamples() {
        CompilationResult result = SpecCompiler.parse(Specs.SOCKETS_NAME, Specs.read(Specs.SOCKETS));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.chapter().orElseThrow().commands().stream()
                        .mapToInt(c -> c.examples().size())
                        .sum())
                .isEqualTo(5);
    }

    @Test
    void itsBindingsCompileWithoutWarnings() {
        assertThat(bindings.diagnostics()).isEmpty();
    }

    @BeforeEach
    void open() throws Exception {
        urcs = new LinkedBlockingQueue<>();
        modem = ScriptedModem.inMemory(7);
        channel = AtChannel.open(modem.host(), AtChannelConfig.defaults());
        channel.addListener((UrcListener) urcs::add);
        facade = type("SocketsCommands").getConstructor(AtChannel.class).newInstance(channel);
    }

    @AfterEach
    void close() {
        channel.close();
        modem.close();
    }

    @Test
    void aShapedErrorFinalFailsWithItsTypedExceptionAndField() throws Exception {
        modem.when("AT+SOCKOPEN=1,\"example.com\",80", r -> r.line("+SOCKOPEN: 1,ERROR1"));

        Throwable failure = catchThrowable(() -> call("sockOpen", openLink(1)));

        assertThat(failure.getClass().getName()).isEqualTo(PACKAGE + "SockOpenInUseException");
        assertThat(failure)
                .isInstanceOf(ShapedErrorException.class)
                .isInstanceOf(AtCommandFailedException.class)
                .hasMessage("AT+SOCKOPEN (AT+SOCKOPEN=1,\"example.com\",80) failed: +SOCKOPEN: 1,ERROR1"
                        + " (The link number is already in use)");
        assertThat(get(failure, "link")).isEqualTo(1);
    }

    @Test
    void aFailingReportFailsWithTheTypedExceptionNamingCommandAndLink() throws Exception {
        modem.when("AT+SOCKOPEN=2,\"example.com\",80", r -> r.ok().urc("+SOCKOPEN: 2,FAIL"));

        Throwable failure = catchThrowable(() -> call("sockOpen", openLink(2)));

        assertThat(failure.getClass().getName()).isEqualTo(PACKAGE + "SockOpenFailedException");
        assertThat(failure)
                .isInstanceOf(CompletionFailedException.class)
                .hasMessage("AT+SOCKOPEN (AT+SOCKOPEN=2,\"example.com\",80) failed: its outcome was"
                        + " '+SOCKOPEN: 2,FAIL'");
        Object report = get(failure, "report");
        assertThat(report.getClass().getName()).isEqualTo(PACKAGE + "SockOpened");
        assertThat(get(report, "link")).isEqualTo(2);
    }

    @Test
    void anotherLinksFailureDoesNotEndTheWait() throws Throwable {
        modem.when("AT+SOCKOPEN=0,\"example.com\",80", r -> r.ok().urc("+SOCKOPEN: 1,FAIL"));

        CompletableFuture<?> zero = (CompletableFuture<?>) call("sockOpenAsync", openLink(0));
        // Completions see a report before the listeners do: once it is here, the wait has seen it.
        assertThat(nextUrc()).isEqualTo("+SOCKOPEN: 1,FAIL");
        assertThat(zero).isNotDone();
        modem.urc("+SOCKOPEN: 0,OK");

        assertThat(terminalLink(zero)).isEqualTo(0);
    }

    @Test
    void twoLinksWaitSideBySideAndEndOutOfOrder() throws Throwable {
        modem.when("AT+SOCKOPEN=0,\"example.com\",80", r -> r.ok());
        modem.when("AT+SOCKOPEN=1,\"example.com\",80", r -> r.ok().urc("+SOCKOPEN: 1,OK"));

        CompletableFuture<?> zero = (CompletableFuture<?>) call("sockOpenAsync", openLink(0));
        CompletableFuture<?> one = (CompletableFuture<?>) call("sockOpenAsync", openLink(1));

        assertThat(terminalLink(one)).isEqualTo(1);
        assertThat(zero).isNotDone();
        modem.urc("+SOCKOPEN: 0,OK");
        assertThat(terminalLink(zero)).isEqualTo(0);
    }

    @Test
    void aReportWithTheAnswersPrefixButNotItsShapeReachesListenersAndTheAnswerEndsTheCommand() throws Throwable {
        // No OK follows the answer: a wait for one would time out after the command's 1 s.
        modem.when("AT+SOCKCLOSE=0", r -> r.line("+SOCKCLOSE: 1,Link Closed").line("+SOCKCLOSE: 0,OK"));

        // The facade returns the answer that ended the command, typed: no AtResponse to read.
        Object answer = call("sockClose", request("SockClose", "set", 0));

        assertThat(answer.getClass().getName()).isEqualTo(PACKAGE + "SockCloseResponse");
        assertThat(get(answer, "link")).isEqualTo(0);
        assertThat(nextUrc()).isEqualTo("+SOCKCLOSE: 1,Link Closed");
    }

    @Test
    void theFacadeMethodsOfAFormThatAnswersReturnItsTypedResponse() throws Throwable {
        modem.when("AT+SOCKCLOSE=2", r -> r.line("+SOCKCLOSE: 2,OK"));
        Class<?> close = type("SockClose");
        Class<?> answer = type("SockCloseResponse");

        for (String method : new String[] {"sockClose", "sockCloseAsync"}) {
            assertThat(facade.getClass()
                            .getMethod(method, close)
                            .getGenericReturnType()
                            .getTypeName())
                    .as(method)
                    .contains(answer.getName())
                    .doesNotContain("AtResponse");
            assertThat(facade.getClass()
                            .getMethod(method, close, java.time.Duration.class)
                            .getGenericReturnType()
                            .getTypeName())
                    .as(method + " with a timeout")
                    .contains(answer.getName());
        }
        Object closed = facade.getClass()
                .getMethod("sockClose", close, java.time.Duration.class)
                .invoke(facade, request("SockClose", "set", 2), java.time.Duration.ofSeconds(5));
        assertThat(get(closed, "link")).isEqualTo(2);
        CompletableFuture<?> later = (CompletableFuture<?>)
                facade.getClass().getMethod("sockCloseAsync", close).invoke(facade, request("SockClose", "set", 2));
        assertThat(get(later.get(10, TimeUnit.SECONDS), "link")).isEqualTo(2);
    }

    @Test
    void aFormWithAFinalResponseOfTwoShapesGetsItsOwnMethodBesideTheShortcut() throws Throwable {
        modem.when("AT+SOCKSTAT=0", r -> r.line("+SOCKSTAT: 0,CONNECT,4096"));
        modem.when("AT+SOCKSTAT=1", r -> r.line("+SOCKSTAT: 1,DISCONNECT"));
        modem.when("AT+SOCKSTAT=?", r -> r.line("+SOCKSTAT: (0-5)").ok());

        Object up = call("sockStat", request("SockStat", "set", 0));
        Object down = call("sockStat", request("SockStat", "set", 1));
        Object test = facade.getClass().getMethod("sockStatTest").invoke(facade);

        // The two shapes of the answer are the two records of the sealed SockStatSetResponse.
        assertThat(up.getClass().getName()).isEqualTo(PACKAGE + "SockStatSetResponse$Up");
        assertThat(up.toString()).contains("link=0").contains("4096");
        assertThat(down.getClass().getName()).isEqualTo(PACKAGE + "SockStatSetResponse$Down");
        assertThat(down.toString()).contains("link=1");
        assertThat(test.getClass().getName()).isEqualTo(PACKAGE + "SockStatTestResponse");
        // One method per form: the set form's, and the test form's shortcut; none for the command.
        assertThat(java.util.Arrays.stream(facade.getClass().getMethods())
                        .filter(m -> m.getName().equals("sockStat"))
                        .map(m -> m.getParameterTypes()[0].getSimpleName())
                        .distinct())
                .containsExactly("SetForm");
    }

    @Test
    void aFinalResponseThatDoesNotComeFailsTheTypedCallNamingThePrefix() throws Throwable {
        modem.when("AT+SOCKCLOSE=3", r -> r.ok());

        Throwable failure = catchThrowable(() -> call("sockClose", request("SockClose", "set", 3)));

        assertThat(failure)
                .isInstanceOf(io.atspec.runtime.bind.WireParseException.class)
                .hasMessageContaining("+SOCKCLOSE:");
    }

    @Test
    void aShapedFinalIsTheCommandsThoughItsPrefixIsAlsoAReport() throws Exception {
        modem.when("AT+SOCKSEND=0,5", r -> r.line("+SOCKSEND: 1,5").line("+SOCKSEND: 0,OPERATION EXPIRED"));

        Throwable failure = catchThrowable(() -> call("sockSend", request("SockSend", "set", 0, 5)));

        assertThat(failure.getClass().getName()).isEqualTo(PACKAGE + "SockSendExpiredException");
        assertThat(get(failure, "link")).isEqualTo(0);
        assertThat(failure).hasMessageContaining("(The send timed out)");
        assertThat(nextUrc()).isEqualTo("+SOCKSEND: 1,5");
    }

    @Test
    void theModuleSideReaderTellsTheAnswerFromTheReportByShape() throws Exception {
        Object close = request("SockClose", "set", 0);
        java.lang.reflect.Method parse = type("SocketsRequests")
                .getMethod("parseResponse", io.atspec.runtime.bind.AtRequest.class, String.class);

        assertThat((java.util.Optional<?>) parse.invoke(null, close, "+SOCKCLOSE: 1,Link Closed"))
                .isEmpty();
        Object answer = ((java.util.Optional<?>) parse.invoke(null, close, "+SOCKCLOSE: 0,OK")).orElseThrow();
        assertThat(get(answer, "link")).isEqualTo(0);
    }

    private Class<?> type(String simpleName) throws ClassNotFoundException {
        return bindings.type(PACKAGE + simpleName);
    }

    private Object openLink(int link) throws Exception {
        return type("SockOpen")
                .getMethod("set", int.class, String.class, int.class)
                .invoke(null, link, "example.com", 80);
    }

    private Object request(String command, String factory, int... arguments) throws Exception {
        Class<?>[] types = new Class<?>[arguments.length];
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            types[i] = int.class;
            values[i] = arguments[i];
        }
        return type(command).getMethod(factory, types).invoke(null, values);
    }

    /**
     * Calls a facade method with a request, rethrowing what the method throws: the method of the
     * request's form, or of its command when the command has one method for all its forms.
     */
    private Object call(String method, Object request) throws Throwable {
        java.lang.reflect.Method target;
        try {
            target = facade.getClass().getMethod(method, request.getClass());
        } catch (NoSuchMethodException e) {
            target = facade.getClass().getMethod(method, request.getClass().getInterfaces()[0]);
        }
        try {
            return target.invoke(facade, request);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object get(Object target, String accessor) throws Exception {
        return target.getClass().getMethod(accessor).invoke(target);
    }

    private int terminalLink(CompletableFuture<?> outcome) throws Exception {
        Object done;
        try {
            done = outcome.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the wait failed", e.getCause());
        }
        Object terminal = ((java.util.Optional<?>) get(done, "terminal")).orElseThrow();
        return (Integer) get(terminal, "link");
    }

    private String nextUrc() throws InterruptedException {
        Urc urc = urcs.poll(10, TimeUnit.SECONDS);
        assertThat(urc).as("a URC within 10 s").isNotNull();
        return urc.line();
    }
}
