package io.atspec.grammar.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.model.Chapter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the linker resolves and derives, once, for every back end. */
class LinkerTest {

    private static final String SPEC = """
            chapter file_http "File HTTP" { package io.atspec.test; edition v2; uses net urc "LINK LOST"; }
            enum Mode "mode" { 0 plain "plain"; 1 tls "TLS"; }
            errors Common "common" { 901 busy "busy"; }
            command AT+SEND as Send "send" {
                timeout 2s;
                timeout 5s edition v2;
                param mode: Mode "mode";
                param length: int 1..64 = length(data) "length";
                param data: bytes(1..64) "data";
                set: <mode>,<length> prompt <data>;
                errors Common;
                errors { 1 full "buffer full"; }
                completion collect +DATA until +DONE when state in 0|2 abort on "LINK LOST", +READY;
            }
            command AT+STAT as Stat "status" {
                param state: int "state";
                query -> +STAT: <state>;
            }
            command AT+FETCH as Fetch "fetch" {
                timeout 1s;
                param md5: hex(32..32) "check code";
                set: [<md5>];
                completion until +DONE when state in 0 given md5;
            }
            command AT+GO as Go "go" {
                timeout 1s;
                exec;
                completion poll AT+STAT? until state in 1;
            }
            urc +DATA as Data "data" {
                param length: int 0..100 "length";
                param data: bytes(length) "data";
                report: <length>,<data>;
            }
            urc +RAW as Raw "raw" {
                param data: bytes until +DONE "data";
                report: <data>;
            }
            urc +DONE as Done "done" { param state: int "state"; report: <state>; alias +FIN; }
            urc +READY as Ready "ready" { indicates reboot; alias +RDY; }
            command AT+CFG as Cfg "config" {
                param mode: Mode "mode";
                set mode: <mode>;
                test;
            }
            """;

    private static LinkedChapter linked() {
        CompilationResult result = SpecCompiler.parse("f.atspec", SPEC);
        assertThat(result.errors()).as(result.render()).isEmpty();
        return result.linked().orElseThrow();
    }

    @Test
    void oneNameAllocatorGivesTheChapterTypesTheirPascalCaseNames() {
        ChapterNames names = linked().names();

        assertThat(names.facade()).isEqualTo("FileHttpCommands");
        assertThat(names.all())
                .containsExactly(
                        "FileHttpUrc", "FileHttpRequests", "FileHttpCommands", "FileHttpEdition", "FileHttpChapter");
    }

    @Test
    void formRecordsShadowNoPlatformTypeAndLookLikeNoChapterType() {
        LinkedChapter chapter = linked();

        // "Set" would shadow java.util.Set; "Mode" would sit beside the enum Mode.
        assertThat(chapter.commands().get(0).forms().get(0).recordName()).isEqualTo("SetForm");
        assertThat(chapter.commands().get(4).forms())
                .extracting(LinkedForm::recordName)
                .containsExactly("ModeForm", "Test");
        assertThat(chapter.commands().get(1).forms().get(0).recordName()).isEqualTo("Query");
        // Composed names keep the plain form name.
        assertThat(chapter.commands().get(0).forms().get(0).factoryName()).isEqualTo("set");
    }

    @Test
    void shapeRecordsShadowNoPlatformTypeAndLookLikeNoChapterType() {
        Chapter chapter = linked().source();

        assertThat(ChapterNames.shapeRecordName(chapter, "with_state")).isEqualTo("WithState");
        // "Error" would shadow java.lang.Error; "Mode" would sit beside the enum Mode.
        assertThat(ChapterNames.shapeRecordName(chapter, "error")).isEqualTo("ErrorShape");
        assertThat(ChapterNames.shapeRecordName(chapter, "mode")).isEqualTo("ModeShape");
    }

    @Test
    void urcFramingIsDerivedOnceFromThePayloadFields() {
        Map<String, PayloadFraming> framing = new java.util.LinkedHashMap<>();
        linked().urcs().forEach(u -> framing.put(u.prefix(), u.framing()));

        assertThat(framing)
                .containsExactly(
                        Map.entry(
                                "+DATA",
                                new PayloadFraming(
                                        PayloadFraming.Kind.LENGTH_FRAMED,
                                        Optional.empty(),
                                        Optional.of(new PayloadFraming.Counted(1, 0, 100)))),
                        Map.entry(
                                "+RAW",
                                new PayloadFraming(
                                        PayloadFraming.Kind.RAW_UNTIL, Optional.of("+DONE"), Optional.empty())),
                        Map.entry("+DONE", PayloadFraming.NONE),
                        Map.entry("+READY", PayloadFraming.NONE));
        assertThat(linked().urcs().get(0).decoderPrefixes()).containsExactly("+DATA:");
    }

    @Test
    void anHttpMessagePayloadEndsTheWaitForItsTerminatorAndHeadFormsAreHeadersOnly() {
        CompilationResult result = SpecCompiler.parse("h.atspec", """
                chapter h "H" { package p.h; }
                command AT+GO as Go "go" {
                    timeout 1s;
                    set get:  <m=0>;
                    set head: <m=1>;
                    param m: int 0|1 "method";
                    completion 9s collect +MSG until +SHUT headers only for head;
                }
                urc +MSG as Msg "message" { report: <body>; param body: bytes http until +SHUT "the response"; }
                urc +SHUT as Shut "closed" { }
                """);
        assertThat(result.errors()).as(result.render()).isEmpty();
        LinkedChapter chapter = result.linked().orElseThrow();

        assertThat(chapter.urcs().get(0).framing())
                .isEqualTo(new PayloadFraming(
                        PayloadFraming.Kind.RAW_UNTIL, Optional.of("+SHUT"), Optional.empty(), true));
        LinkedCompletion.Urcs completion =
                (LinkedCompletion.Urcs) chapter.commands().get(0).completion().orElseThrow();
        assertThat(completion.wholeMessageEnds()).extracting(LinkedUrc::prefix).containsExactly("+MSG");
        assertThat(completion.headersOnlyForms())
                .extracting(LinkedForm::factoryName)
                .containsExactly("head");
    }

    @Test
    void timeoutsFallBackToTheLanguageDefaults() {
        LinkedChapter chapter = linked();
        LinkedCommand send = chapter.commands().get(0);
        LinkedCommand stat = chapter.commands().get(1);

        assertThat(send.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(send.timeoutGiven()).isTrue();
        assertThat(send.editionTimeouts()).containsExactly(Map.entry("v2", Duration.ofSeconds(5)));
        assertThat(stat.timeout()).isEqualTo(LanguageDefaults.COMMAND_TIMEOUT);
        assertThat(stat.timeoutGiven()).isFalse();
        assertThat(send.completion().orElseThrow().timeout()).isEqualTo(LanguageDefaults.COMPLETION_TIMEOUT);
    }

    @Test
    void referencesResolveToTheirDeclarations() {
        LinkedChapter chapter = linked();
        LinkedCommand send = chapter.commands().get(0);

        assertThat(send.parameters().get("mode").enumType().orElseThrow().name())
                .isEqualTo("Mode");
        assertThat(send.errorTables()).extracting(t -> t.name()).containsExactly("", "Common");
        assertThat(send.inlineErrorName()).contains("SendError");
        LinkedCompletion.Urcs urcs = (LinkedCompletion.Urcs) send.completion().orElseThrow();
        assertThat(urcs.collect()).extracting(LinkedUrc::javaName).containsExactly("Data");
        assertThat(urcs.end().javaName()).isEqualTo("Done");
        assertThat(urcs.endField().orElseThrow().name()).isEqualTo("state");
        assertThat(urcs.lineStarts()).containsExactly("+DATA:", "+DONE:", "+FIN:");
        // Another chapter's URC as the header names it; this chapter's with every spelling.
        assertThat(urcs.abortLineStarts()).containsExactly("LINK LOST", "+READY", "+RDY");
        assertThat(urcs.endGiven()).isEmpty();
        LinkedCompletion.Urcs fetch =
                (LinkedCompletion.Urcs) chapter.commands().get(2).completion().orElseThrow();
        assertThat(fetch.endGiven().orElseThrow().name()).isEqualTo("md5");

        LinkedCompletion.Poll poll =
                (LinkedCompletion.Poll) chapter.commands().get(3).completion().orElseThrow();
        assertThat(poll.query().name()).isEqualTo("AT+STAT");
        assertThat(poll.queryForm().responseName()).contains("StatResponse");
        assertThat(poll.field().name()).isEqualTo("state");
        assertThat(poll.every()).isEqualTo(LanguageDefaults.POLL_INTERVAL);
    }

    @Test
    void aUrcMarkedAsRebootIndicationGivesEverySpelling() {
        assertThat(linked().rebootIndications()).isEqualTo(List.of("+READY", "+RDY"));
        assertThat(linked().urcs()).filteredOn(LinkedUrc::rebootIndication).hasSize(1);
    }
}
