package io.atspec.grammar.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.model.ResponseFormat;
import org.junit.jupiter.api.Test;

/** Shapes of finals and responses, and correlated completions, as the linker derives them. */
class LineShapeTest {

    private static final String SPEC = """
            chapter sock "Sockets" { package io.atspec.test; }
            enum Result "result" { OK ok "opened"; FAIL fail "refused"; }
            command AT+SOCKOPEN as SockOpen "open" {
                timeout 1s;
                param link: int 0..5 "link";
                param port: int 1..65535 "port";
                set: <link>,<port>;
                final in_use: +SOCKOPEN: <link>,"ERROR1" error "The link number is already in use";
                completion 60s until +SOCKOPEN when result in OK|FAIL matching link fails when result in FAIL;
            }
            command AT+SOCKCLOSE as SockClose "close" {
                timeout 1s;
                param link: int 0..5 "link";
                set: <link> -> final +SOCKCLOSE: <link>,"OK";
            }
            urc +SOCKOPEN as SockOpened "opened" {
                param link: int 0..5 "link";
                param result: Result "result";
                report: <link>,<result>;
            }
            urc +SOCKCLOSE as SockClosed "closed" {
                param link: int 0..5 "link";
                report: <link>,"Link Closed";
            }
            """;

    private static LinkedChapter linked() {
        CompilationResult result = SpecCompiler.parse("sock.atspec", SPEC);
        assertThat(result.diagnostics()).isEmpty();
        return result.linked().orElseThrow();
    }

    @Test
    void aShapedFinalGetsItsShapeAndItsExceptionName() {
        LinkedCommand open = linked().commands().get(0);

        LinkedCommand.LinkedFinal inUse = open.shapedFinals().get(0);
        assertThat(inUse.exceptionName()).isEqualTo("SockOpenInUseException");
        assertThat(inUse.shape().matches("+SOCKOPEN: 1,ERROR1")).isTrue();
        assertThat(inUse.shape().matches("+SOCKOPEN: 1 , ERROR1")).isTrue();
        assertThat(inUse.shape().matches("+SOCKOPEN: 1,FAIL")).isFalse();
        assertThat(inUse.shape().matches("+SOCKOPEN: x,ERROR1")).isFalse();
    }

    @Test
    void aFinalResponseIsShapedAndItsPrefixKnownToBeAUrcsToo() {
        LinkedCommand close = linked().commands().get(1);
        ResponseFormat response = close.forms().get(0).source().responses().get(0);

        assertThat(response.endsCommand()).isTrue();
        assertThat(close.shape(response).matches("+SOCKCLOSE: 0,OK")).isTrue();
        assertThat(close.shape(response).matches("+SOCKCLOSE: 1,Link Closed")).isFalse();
        assertThat(close.urcSharedPrefixes()).containsExactly("+SOCKCLOSE:");
    }

    @Test
    void aCompletionIsCorrelatedAndFailsOnItsValues() {
        LinkedCommand open = linked().commands().get(0);
        LinkedCompletion.Urcs urcs = (LinkedCompletion.Urcs) open.completion().orElseThrow();

        assertThat(urcs.endWords()).extracting(v -> v.text()).containsExactly("OK", "FAIL");
        assertThat(urcs.matching().orElseThrow().field().name()).isEqualTo("link");
        assertThat(urcs.matching().orElseThrow().parameter().name()).isEqualTo("link");
        LinkedCompletion.Failure fails = urcs.fails().orElseThrow();
        assertThat(fails.field().name()).isEqualTo("result");
        assertThat(fails.words()).extracting(v -> v.text()).containsExactly("FAIL");
        assertThat(fails.exceptionName()).isEqualTo("SockOpenFailedException");
    }

    @Test
    void anEnumFieldTakesAnyCodeOfItsKindAsParsersKeepUnlistedCodes() {
        CompilationResult result = SpecCompiler.parse("reg.atspec", """
                chapter reg "Registration" { package io.atspec.test; }
                enum Stat "stat" { 0 idle "idle"; 1 home "home"; }
                command AT+XREG as XReg "reg" {
                    timeout 1s;
                    param mode: int 0..2 "mode";
                    param stat: Stat "stat";
                    query -> +XREG: <mode>,<stat>;
                }
                urc +XREG as XRegReport "report" { param stat: Stat "stat"; report: <stat>; }
                """);
        LinkedCommand reg = result.linked().orElseThrow().commands().get(0);
        LineShape shape = reg.shape(reg.forms().get(0).source().responses().get(0));

        assertThat(reg.urcSharedPrefixes()).containsExactly("+XREG:");
        assertThat(shape.matches("+XREG: 2,1")).isTrue();
        assertThat(shape.matches("+XREG: 2,7")).isTrue();
        assertThat(shape.matches("+XREG: 1")).isFalse();
        assertThat(shape.matches("+XREG: 2,home")).isFalse();
    }
}
