package io.atspec.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.CodeKind;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Completion;
import io.atspec.grammar.model.EnumConstant;
import io.atspec.grammar.model.FinalResult;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.FormKind;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Quoting;
import io.atspec.grammar.model.ResponseFormat;
import io.atspec.grammar.model.TranscriptLine;
import io.atspec.grammar.model.Urc;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per construct of the language (DESIGN.md, "What the spec language must express"). */
class ConstructTest {

    @Test
    void chapterHeader() {
        Chapter chapter = SpecCompiler.parse(
                        "c.atspec",
                        "chapter http \"HTTP/HTTPS Commands\" {\n"
                                + "  package io.atspec.neoway.http;\n"
                                + "  facade HttpCommands;\n"
                                + "  manual \"Neoway AT Commands Manual\" section 9;\n"
                                + "  edition v1 \"seed edition\";\n"
                                + "  edition v2 \"60 s edition\";\n"
                                + "  description \"HTTP over the module's own stack.\";\n"
                                + "}\n")
                .chapter()
                .orElseThrow();

        assertThat(chapter.name()).isEqualTo("http");
        assertThat(chapter.title()).isEqualTo("HTTP/HTTPS Commands");
        assertThat(chapter.javaPackage()).isEqualTo("io.atspec.neoway.http");
        assertThat(chapter.facade()).contains("HttpCommands");
        assertThat(chapter.manual().orElseThrow().title()).isEqualTo("Neoway AT Commands Manual");
        assertThat(chapter.manual().orElseThrow().section()).contains("9");
        assertThat(chapter.editions()).extracting(e -> e.name()).containsExactly("v1", "v2");
        assertThat(chapter.description()).isEqualTo("HTTP over the module's own stack.");
        assertThat(chapter.location()).isEqualTo(new SourceLocation("c.atspec", 1, 9));
    }

    @Test
    void keywordsStayNamesWhereANameIsExpected() {
        CompilationResult result = SpecCompiler.parse(
                "c.atspec",
                "chapter demo { package com.example.modem; }\n"
                        + "command AT+X as X { timeout 1s; param type: int 0..9; param example: int;"
                        + " set: <type>,<example>; }\n");

        assertThat(result.diagnostics()).as(result.render()).isEmpty();
        assertThat(result.chapter().orElseThrow().javaPackage()).isEqualTo("com.example.modem");
        assertThat(result.chapter().orElseThrow().commands().get(0).parameter("example"))
                .isPresent();
    }

    @Test
    void commandWithFourFormsTitleSectionAndTimeout() {
        Command command = Specs.valid("command AT+CREG as Creg \"Network Registration\" {\n"
                        + "  section 3.2;\n"
                        + "  description \"Registration state\" \"and its URC.\";\n"
                        + "  timeout 300ms;\n"
                        + "  param n: int 0..2 \"URC mode\";\n"
                        + "  param stat: int 0..5 \"state\";\n"
                        + "  set: <n>;\n"
                        + "  exec;\n"
                        + "  query -> +CREG: <n>,<stat>;\n"
                        + "  test -> +CREG: \"(0-2)\";\n"
                        + "}\n")
                .commands()
                .get(0);

        assertThat(command.name()).isEqualTo("AT+CREG");
        assertThat(command.javaName()).isEqualTo("Creg");
        assertThat(command.title()).isEqualTo("Network Registration");
        assertThat(command.section()).contains("3.2");
        assertThat(command.description()).isEqualTo("Registration state and its URC.");
        assertThat(command.defaultTimeout().orElseThrow().duration()).isEqualTo(Duration.ofMillis(300));
        assertThat(command.forms())
                .extracting(Form::kind)
                .containsExactly(FormKind.SET, FormKind.EXEC, FormKind.QUERY, FormKind.TEST);
        assertThat(command.forms(FormKind.TEST)
                        .get(0)
                        .responses()
                        .get(0)
                        .format()
                        .items())
                .containsExactly(new FormatItem.Text("(0-2)", new SourceLocation("t.atspec", 11, 18)));
    }

    @Test
    void parameterTypes() {
        Chapter chapter = Specs.valid("enum ContentType \"POST data type\" {\n"
                + "  0 FORM_URLENCODED \"x-www-form-urlencoded\";\n"
                + "  2 JSON \"json\";\n"
                + "}\n"
                + "command AT+X as X \"x\" {\n"
                + "  timeout 1s;\n"
                + "  param a: int 0..99 \"range\";\n"
                + "  param b: int 0|1|2|99 \"set\";\n"
                + "  param c: ContentType \"enum\";\n"
                + "  param url: string(..2048) \"url\";\n"
                + "  param apn: string(1..64) quoted \"apn\";\n"
                + "  param md5: hex(32) \"md5\";\n"
                + "  param file: path(1..255) \"file\";\n"
                + "  param pwd: string(..32) quoted secret \"password\";\n"
                + "  set: <a>,<b>,<c>,<url>,<apn>,<md5>,<file>,<pwd>;\n"
                + "}\n");
        Command command = chapter.commands().get(0);

        assertThat(intValues(command, "a")).isEqualTo("0..99");
        assertThat(intValues(command, "b")).isEqualTo("0|1|2|99");
        assertThat(command.parameter("c").orElseThrow().type()).isInstanceOf(ParamType.EnumRef.class);
        assertThat(chapter.enumNamed("ContentType").orElseThrow().constants())
                .extracting(EnumConstant::code, EnumConstant::javaName, EnumConstant::description)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("0", "FORM_URLENCODED", "x-www-form-urlencoded"),
                        org.assertj.core.groups.Tuple.tuple("2", "JSON", "json"));
        ParamType.TextType url =
                (ParamType.TextType) command.parameter("url").orElseThrow().type();
        assertThat(url.size().max()).contains(2048L);
        assertThat(url.size().min()).isZero();
        assertThat(command.parameter("url").orElseThrow().quoting()).isEqualTo(Quoting.DEFAULT);
        assertThat(command.parameter("apn").orElseThrow().quoting()).isEqualTo(Quoting.QUOTED);
        ParamType.TextType md5 =
                (ParamType.TextType) command.parameter("md5").orElseThrow().type();
        assertThat(md5.kind()).isEqualTo(ParamType.TextKind.HEX);
        assertThat(md5.size().min()).isEqualTo(32);
        assertThat(md5.size().max()).contains(32L);
        assertThat(((ParamType.TextType) command.parameter("file").orElseThrow().type()).kind())
                .isEqualTo(ParamType.TextKind.PATH);
        assertThat(command.parameter("pwd").orElseThrow().secret()).isTrue();
        assertThat(command.parameter("url").orElseThrow().secret()).isFalse();
    }

    @Test
    void nestedOptionalTrailingGroups() {
        Command command = Specs.valid("command AT+HTTPACTION as HttpAction \"x\" {\n"
                        + "  timeout 30s;\n"
                        + "  param mode: int 0..99 \"m\";\n"
                        + "  param length: int \"l\";\n"
                        + "  param type: int 0..4 \"t\";\n"
                        + "  set: <mode>[,<length>[,<type>]];\n"
                        + "}\n")
                .commands()
                .get(0);
        Form form = command.forms().get(0);

        assertThat(form.format().toString()).isEqualTo("<mode>[,<length>[,<type>]]");
        assertThat(form.format().requiredCount()).isEqualTo(1);
        assertThat(form.format().maximumCount()).isEqualTo(3);
        assertThat(form.format().shapes()).extracting(shape -> shape.size()).containsExactly(1, 2, 3);
    }

    @Test
    void alternativeFormsChosenByDiscriminator() {
        Command command = Specs.valid("command AT+HTTPACTION as HttpAction \"x\" {\n"
                        + "  timeout 30s;\n"
                        + "  param mode: int 0|1|2|99 \"m\";\n"
                        + "  param offset: int \"o\";\n"
                        + "  param size: int \"s\";\n"
                        + "  set get: <mode=0>[,<offset>,<size>];\n"
                        + "  set head: <mode=1>;\n"
                        + "}\n")
                .commands()
                .get(0);

        assertThat(command.forms()).extracting(f -> f.name().orElseThrow()).containsExactly("get", "head");
        FormatItem.Field mode =
                (FormatItem.Field) command.forms().get(1).format().items().get(0);
        assertThat(mode.name()).isEqualTo("mode");
        assertThat(mode.fixedValue().orElseThrow().text()).isEqualTo("1");
    }

    @Test
    void aRestParameterRunsToTheEndOfTheLineAndItsExampleMayHoldCommas() {
        Command command = Specs.valid("enum Key \"keys\" {\n"
                        + "  url URL \"address\";\n"
                        + "}\n"
                        + "command AT+X as X \"x\" {\n"
                        + "  timeout 1s;\n"
                        + "  param key: Key \"key\";\n"
                        + "  param url: string(1..64) rest \"address\";\n"
                        + "  set url: <key=url>,<url>;\n"
                        + "  example \"a query string\" {\n"
                        + "    > AT+X=url,a.com/x?a=1,2,3\n"
                        + "    < OK\n"
                        + "  }\n"
                        + "}\n")
                .commands()
                .get(0);

        assertThat(command.parameter("url").orElseThrow().quoting()).isEqualTo(Quoting.REST_OF_LINE);
        assertThat(Quoting.REST_OF_LINE.isQuoted()).isFalse();
    }

    @Test
    void restStaysANameWhereANameIsExpected() {
        CompilationResult result = SpecCompiler.parse(
                "c.atspec",
                "chapter demo { package com.example.modem; }\n"
                        + "command AT+X as X { timeout 1s; param rest: int; set: <rest>; }\n");

        assertThat(result.diagnostics()).as(result.render()).isEmpty();
        assertThat(result.chapter().orElseThrow().commands().get(0).parameter("rest"))
                .isPresent();
    }

    @Test
    void keyedParametersQuotedAndBare() {
        Command command = Specs.valid("enum SslOption \"SSL options\" {\n"
                        + "  \"sslversion\" SSL_VERSION \"SSL version\";\n"
                        + "  \"cacert\" CA_CERT \"CA certificate\";\n"
                        + "}\n"
                        + "command AT+HTTPSCFG as HttpsCfg \"x\" {\n"
                        + "  timeout 300ms;\n"
                        + "  param type: SslOption \"option\";\n"
                        + "  param sslversion: int 0..3 \"v\";\n"
                        + "  param cacert: string(1..64) \"file\";\n"
                        + "  set sslVersion: <type=\"sslversion\">,<sslversion>;\n"
                        + "  set caCert: <type=CA_CERT>,<cacert>;\n"
                        + "  example \"keys\" {\n"
                        + "    > AT+ HTTPSCFG =\"sslversion\",0\n"
                        + "    < OK\n"
                        + "    > AT+HTTPSCFG=\"cacert\",ca.pem\n"
                        + "    < OK\n"
                        + "  }\n"
                        + "}\n")
                .commands()
                .get(0);

        assertThat(command.forms()).hasSize(2);
        FormatItem.Field key =
                (FormatItem.Field) command.forms().get(0).format().items().get(0);
        assertThat(key.fixedValue().orElseThrow().kind()).isEqualTo(CodeKind.QUOTED);
        assertThat(key.fixedValue().orElseThrow().wireForm()).isEqualTo("\"sslversion\"");
    }

    @Test
    void derivedLengthAndPrompt() {
        Command command = Specs.valid("command AT+HTTPACTION as HttpAction \"x\" {\n"
                        + "  timeout 30s;\n"
                        + "  param mode: int 0|2 \"m\";\n"
                        + "  param length: int 1..2048 = length(body) \"derived\";\n"
                        + "  param body: bytes(1..2048) \"the POST body\";\n"
                        + "  set post: <mode=2>,<length> prompt <body>;\n"
                        + "  example \"post\" {\n"
                        + "    > AT+HTTPACTION=2,23\n"
                        + "    < >\n"
                        + "    > MAC=NEOWAY&DATA=0123456\n"
                        + "    < OK\n"
                        + "  }\n"
                        + "}\n")
                .commands()
                .get(0);

        Parameter length = command.parameter("length").orElseThrow();
        assertThat(length.isDerived()).isTrue();
        assertThat(length.derivedLengthOf()).contains("body");
        assertThat(command.forms().get(0).promptPayload()).contains("body");
    }

    @Test
    void informationResponsesWithOptionalAndEmptyFields() {
        Command command = Specs.valid("command AT+HTTPSCFG as HttpsCfg \"x\" {\n"
                        + "  timeout 300ms;\n"
                        + "  param v: int 0..3 \"v\";\n"
                        + "  param a: int 0..2 \"a\";\n"
                        + "  param ca: string optional \"ca\";\n"
                        + "  query -> +HTTPSCFG: <v>,<a>,<ca>;\n"
                        + "  example \"q\" {\n"
                        + "    > AT+HTTPSCFG?\n"
                        + "    < +HTTPSCFG: 0,1,\n"
                        + "    < OK\n"
                        + "  }\n"
                        + "}\n"
                        + "command AT+XIIC as Xiic \"x\" {\n"
                        + "  timeout 300ms;\n"
                        + "  param state: int 0..1 \"s\";\n"
                        + "  param ip: string \"ip\";\n"
                        + "  query -> with_state: +XIIC: <state>,<ip> | address_only: +XIIC: <ip>;\n"
                        + "  example \"spaces\" {\n"
                        + "    > AT+XIIC?\n"
                        + "    < +XIIC:    1,10.0.0.1\n"
                        + "    < OK\n"
                        + "  }\n"
                        + "}\n")
                .commands()
                .get(1);

        List<ResponseFormat> responses = command.forms().get(0).responses();
        assertThat(responses).extracting(ResponseFormat::wirePrefix).containsExactly("+XIIC:", "+XIIC:");
        assertThat(responses).extracting(r -> r.format().toString()).containsExactly("<state>,<ip>", "<ip>");
    }

    @Test
    void finalResultsWithAliasesAndEditionsAndErrorTables() {
        Chapter chapter = Specs.valid(
                "errors Cme \"codes\" { 3 OPERATION_NOT_ALLOWED \"operation not allowed\"; }\n"
                        + "command AT+HTTPACTION as HttpAction \"x\" {\n"
                        + "  timeout 30s;\n"
                        + "  exec;\n"
                        + "  final \"+HTTPACTION: SOCKET ID OPEN FAILED\" error \"PPP is not enabled\";\n"
                        + "  final \"+HTTPSETUP: ERROR\" error \"send failed\" alias \"+HTTPSEND: ERROR\";\n"
                        + "  errors Cme;\n"
                        + "  errors { 1001 PDP_NOT_ACTIVE \"PDP not active\"; }\n"
                        + "}\n"
                        + "command AT+HTTPSSETUP as HttpsSetup \"x\" {\n"
                        + "  timeout 30s;\n"
                        + "  timeout 60s edition v2;\n"
                        + "  exec;\n"
                        + "  final \"+HTTPSSETUP: OK\" ok \"set up\" edition v2;\n"
                        + "}\n",
                "v1",
                "v2");
        Command action = chapter.commands().get(0);
        assertThat(action.finalResults())
                .extracting(FinalResult::text, FinalResult::success)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("+HTTPACTION: SOCKET ID OPEN FAILED", false),
                        org.assertj.core.groups.Tuple.tuple("+HTTPSETUP: ERROR", false));
        assertThat(action.finalResults().get(1).matches("+HTTPSEND: ERROR")).isTrue();
        assertThat(action.errorTableNames()).containsExactly("Cme");
        assertThat(action.inlineErrors().orElseThrow().codes().get(0).javaName())
                .isEqualTo("PDP_NOT_ACTIVE");
        Command setup = chapter.commands().get(1);
        assertThat(setup.timeouts()).extracting(t -> t.edition()).containsExactly(Optional.empty(), Optional.of("v2"));
        assertThat(setup.finalResults().get(0).success()).isTrue();
        assertThat(setup.finalResults().get(0).edition()).contains("v2");
    }

    @Test
    void urcPayloadKinds() {
        Chapter chapter = Specs.valid("urc +HTTPRECV as HttpRecv \"data\" {\n"
                + "  param length: int 1..2048 \"n\";\n"
                + "  param data: bytes(length) \"framed\";\n"
                + "  param response: bytes until +HTTPCLOSED \"raw\";\n"
                + "  report raw: <response>;\n"
                + "  report framed: <length>,<data>;\n"
                + "  example \"both\" {\n"
                + "    < +HTTPRECV:\n"
                + "    < HTTP/1.1 200 OK\n"
                + "    < OK\n"
                + "    < +HTTPCLOSED: HTTP Link Closed\n"
                + "    < +HTTPRECV: 10,OK\n"
                + "    < abc\n"
                + "  }\n"
                + "}\n"
                + "urc +HTTPCLOSED as HttpClosed \"closed\" { report: \"HTTP Link Closed\"; }\n"
                + "urc \"GPRS DISCONNECTION\" as GprsDisconnection \"PPP down\" { }\n");
        Urc recv = chapter.urcs().get(0);
        assertThat(((ParamType.BytesType) recv.parameter("data").orElseThrow().type()).framing())
                .isEqualTo(new ParamType.SizedBy("length", new SourceLocation("t.atspec", 4, 21)));
        assertThat(((ParamType.BytesType)
                                recv.parameter("response").orElseThrow().type())
                        .framing())
                .isInstanceOfSatisfying(
                        ParamType.UntilUrc.class,
                        u -> assertThat(u.terminators()).containsExactly("+HTTPCLOSED"));
        Urc closed = chapter.urcs().get(1);
        assertThat(closed.reports().get(0).format().items().get(0))
                .isInstanceOfSatisfying(
                        FormatItem.Text.class, t -> assertThat(t.text()).isEqualTo("HTTP Link Closed"));
        Urc gprs = chapter.urcs().get(2);
        assertThat(gprs.prefixless()).isTrue();
        assertThat(gprs.prefix()).isEqualTo("GPRS DISCONNECTION");
    }

    @Test
    void aliasesOfCommandsAndUrcs() {
        Chapter chapter = Specs.valid("command AT+HTTPSSETUP as HttpsSetup \"x\" {\n"
                + "  timeout 30s;\n"
                + "  alias AT+HTTPSSSETUP; // the section title's spelling\n"
                + "  exec;\n"
                + "  example \"title spelling\" {\n"
                + "    > AT+HTTPSSSETUP\n"
                + "    < OK\n"
                + "  }\n"
                + "}\n"
                + "urc +HTTPSRECV as HttpsRecv \"x\" { alias +HTTPSREREV, +HTTPPSRECV, +HTTPSRREC; }\n");

        assertThat(chapter.commandNamed("AT+HTTPSSSETUP")).isPresent();
        assertThat(chapter.urcNamed("+HTTPPSRECV").map(Urc::javaName)).contains("HttpsRecv");
        assertThat(chapter.urcs().get(0).aliases())
                .extracting(a -> a.name())
                .containsExactly("+HTTPSREREV", "+HTTPPSRECV", "+HTTPSRREC");
    }

    @Test
    void completionByUrcAndByPolling() {
        Chapter chapter = Specs.valid("command AT+HTTPGET as HttpGet \"x\" {\n"
                + "  timeout 300ms;\n"
                + "  param type: int 0..99 \"t\";\n"
                + "  set: <type>;\n"
                + "  completion 120s until +HTTPGETRPT when state_type in 11|21|30|31;\n"
                + "}\n"
                + "urc +HTTPGETRPT as HttpGetRpt \"x\" {\n"
                + "  param state_type: int \"s\";\n"
                + "  report: <state_type>;\n"
                + "}\n"
                + "command AT+XIIC as Xiic \"x\" {\n"
                + "  timeout 300ms;\n"
                + "  param n: int 0..1 \"n\";\n"
                + "  param state: int 0..1 \"s\";\n"
                + "  set: <n>;\n"
                + "  query -> +XIIC: <state>;\n"
                + "  completion 60s poll AT+XIIC? until state in 1 every 1s;\n"
                + "}\n");

        Completion get = chapter.commands().get(0).completion().orElseThrow();
        assertThat(get.timeout()).contains(Duration.ofSeconds(120));
        assertThat(get.until().orElseThrow().prefix()).isEqualTo("+HTTPGETRPT");
        assertThat(get.until().orElseThrow().field()).contains("state_type");
        assertThat(get.until().orElseThrow().values().toString()).isEqualTo("11|21|30|31");
        Completion.Poll poll =
                chapter.commands().get(1).completion().orElseThrow().poll().orElseThrow();
        assertThat(poll.command()).isEqualTo("AT+XIIC");
        assertThat(poll.field()).isEqualTo("state");
        assertThat(poll.every()).contains(Duration.ofSeconds(1));
    }

    @Test
    void completionCollectingUrcs() {
        Chapter chapter = Specs.valid("command AT+HTTPACTION as HttpAction \"x\" {\n"
                + "  timeout 30s;\n"
                + "  exec;\n"
                + "  completion 60s collect +HTTPRECV until +HTTPCLOSED;\n"
                + "}\n"
                + "urc +HTTPRECV as HttpRecv \"x\" { }\n"
                + "urc +HTTPCLOSED as HttpClosed \"x\" { }\n");

        assertThat(chapter.commands().get(0).completion().orElseThrow().collect())
                .containsExactly("+HTTPRECV");
    }

    @Test
    void examplesAsTranscripts() {
        Command command = Specs.valid("command AT+HTTPACTION as HttpAction \"x\" {\n"
                        + "  timeout 30s;\n"
                        + "  param mode: int 0..99 \"m\";\n"
                        + "  set: <mode>;\n"
                        + "  example \"GET, then a refused line\" {\n"
                        + "    // comments are allowed between lines\n"
                        + "    > AT+HTTPACTION=0\n"
                        + "    < OK\n"
                        + "    >! AT+HTTPACTION=adasd\n"
                        + "    < ERROR\n"
                        + "  }\n"
                        + "}\n")
                .commands()
                .get(0);

        assertThat(command.examples().get(0).title()).isEqualTo("GET, then a refused line");
        assertThat(command.examples().get(0).lines())
                .extracting(TranscriptLine::direction, TranscriptLine::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TranscriptLine.Direction.SENT, "AT+HTTPACTION=0"),
                        org.assertj.core.groups.Tuple.tuple(TranscriptLine.Direction.RECEIVED, "OK"),
                        org.assertj.core.groups.Tuple.tuple(
                                TranscriptLine.Direction.SENT_REFUSED, "AT+HTTPACTION=adasd"),
                        org.assertj.core.groups.Tuple.tuple(TranscriptLine.Direction.RECEIVED, "ERROR"));
        assertThat(command.examples().get(0).lines().get(0).location()).isEqualTo(new SourceLocation("t.atspec", 8, 5));
    }

    private static String intValues(Command command, String name) {
        return ((ParamType.IntType) command.parameter(name).orElseThrow().type())
                .values()
                .toString();
    }
}
