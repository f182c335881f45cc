package io.atspec.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each malformed spec gets exactly the diagnostics listed, with their text and line:col.
 * Snippets start on line 2 (line 1 is {@link Specs#HEADER}).
 */
class MalformedSpecTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                // Syntax
                Arguments.of(
                        "missing parameter type",
                        "command AT+X as X { timeout 1s; param a: ; set: <a>; }",
                        "t.atspec:2:42: error: expected a parameter type (int, string, hex, path, bytes or an"
                                + " enum name) after ':', found ';'"),
                Arguments.of(
                        "missing colon in parameter",
                        "command AT+X as X { timeout 1s; param a int; set: <a>; }",
                        "t.atspec:2:41: error: expected ':' after 'a', found 'int'"),
                Arguments.of(
                        "unknown command item",
                        "command AT+X as X { timeout 1s; exec; unknown; }",
                        "t.atspec:2:39: error: expected a command item (section, description, timeout, param,"
                                + " set, exec, query, test, final, alias, errors, completion, example) or '}' after"
                                + " ';', found 'unknown'"),
                Arguments.of(
                        "unterminated string",
                        "command AT+X as X \"title { timeout 1s; exec; }",
                        "t.atspec:2:19: error: string is not closed before the end of the line"),
                Arguments.of(
                        "stray closing brace",
                        "command AT+X as X { timeout 1s; exec; } }",
                        "t.atspec:2:41: error: expected a declaration (enum, errors, command or urc) after '}',"
                                + " found '}'"),
                Arguments.of(
                        "unclosed block at end of file",
                        "command AT+X as X { timeout 1s; exec;",
                        "t.atspec:2:38: error: expected a command item (section, description, timeout, param,"
                                + " set, exec, query, test, final, alias, errors, completion, example) or '}' after"
                                + " ';', found the end of the file"),
                Arguments.of(
                        "bad character",
                        "command AT+X as X { timeout 1s; exec; @ }",
                        "t.atspec:2:39: error: unexpected character '@'"),
                Arguments.of(
                        "command without AT name",
                        "command X { }",
                        "t.atspec:2:9: error: expected a command name such as AT+HTTPPARA after 'command',"
                                + " found 'X'"),
                Arguments.of(
                        "transcript line without marker",
                        "command AT+X as X { timeout 1s; exec; example \"e\" {\n  OK\n} }",
                        "t.atspec:3:3: error: a transcript line starts with '>' (sent), '>!' (sent and"
                                + " refused) or '<' (received)"),
                Arguments.of(
                        "timeout without unit",
                        "command AT+X as X { timeout 30; exec; }",
                        "t.atspec:2:29: error: expected a duration such as 300ms or 30s after 'timeout', found"
                                + " '30'"),
                Arguments.of(
                        "missing field name in format",
                        "command AT+X as X { timeout 1s; param a: int; set: <>; }",
                        "t.atspec:2:53: error: expected a name after '<', found '>'"),
                Arguments.of(
                        "missing semicolon after form",
                        "command AT+X as X { timeout 1s; exec }",
                        "t.atspec:2:38: error: expected a name, '->', ':' or ';' after 'exec'," + " found '}'"),
                // Names
                Arguments.of(
                        "unknown parameter in format",
                        "command AT+X as X { timeout 1s; param a: int; set: <a>,<b>; }",
                        "t.atspec:2:56: error: unknown parameter <b> in set form of AT+X; declared: a"),
                Arguments.of(
                        "unknown enum type",
                        "command AT+X as X { timeout 1s; param a: Foo; set: <a>; }",
                        "t.atspec:2:42: error: unknown type 'Foo'; a parameter type is int, string, hex, path,"
                                + " bytes or a declared enum"),
                Arguments.of(
                        "duplicate parameter",
                        "command AT+X as X { timeout 1s; param a: int; param a: int; set: <a>; }",
                        "t.atspec:2:53: error: parameter 'a' is declared twice (first at line 2)"),
                Arguments.of(
                        "duplicate command",
                        "command AT+X as X { timeout 1s; exec; }\ncommand AT+X as Y { timeout 1s; exec; }",
                        "t.atspec:3:9: error: command AT+X collides with the name or alias declared at line 2;"
                                + " a spelling may belong to one command only (declare it once, as an alias of"
                                + " the other)"),
                Arguments.of(
                        "duplicate enum code",
                        "enum E \"e\" { 0 A \"a\"; 0 B \"b\"; }",
                        "t.atspec:2:23: error: code '0' is declared twice (first at line 2)"),
                Arguments.of(
                        "duplicate enum constant",
                        "enum E \"e\" { 0 A \"a\"; 1 A \"b\"; }",
                        "t.atspec:2:23: error: constant 'A' is declared twice (first at line 2)"),
                Arguments.of(
                        "unknown URC in completion",
                        "command AT+X as X { timeout 1s; exec; completion 5s until +NOPE; }",
                        "t.atspec:2:59: error: unknown URC +NOPE; declare it with 'urc +NOPE ...'"),
                Arguments.of(
                        "unknown URC a completion aborts on",
                        "urc +D as D \"d\" { }\n"
                                + "command AT+X as X { timeout 1s; exec; completion 5s until +D abort on \"LINK LOST\"; }",
                        "t.atspec:3:71: error: the completion of AT+X aborts on unknown URC 'LINK LOST'; declare it"
                                + " with 'urc ...', or name it in the chapter header when another chapter declares"
                                + " it ('uses network urc \"LINK LOST\";')"),
                Arguments.of(
                        "a wait given a parameter the command does not have",
                        "urc +D as D \"d\" { param s: int; report: <s>; }\n"
                                + "command AT+X as X { timeout 1s; exec; completion until +D when s in 1 given md5; }",
                        "t.atspec:3:56: error: 'given <md5>' names no parameter of AT+X"),
                Arguments.of(
                        "a completion that awaits and aborts on one URC",
                        "urc +D as D \"d\" { }\n"
                                + "command AT+X as X { timeout 1s; exec; completion 5s until +D abort on +D; }",
                        "t.atspec:3:71: error: the completion of AT+X both awaits and aborts on +D; a URC either"
                                + " belongs to the outcome or ends it with a failure"),
                Arguments.of(
                        "headers only in a completion that collects no HTTP message",
                        "urc +D as D \"d\" { }\n"
                                + "command AT+X as X { timeout 1s; set head: <m=1>; param m: int;"
                                + " completion 5s until +D headers only for head; }",
                        "t.atspec:3:64: error: 'headers only' applies to a completion that collects an HTTP message"
                                + " payload ('bytes http until +URC'); the completion of AT+X collects none"),
                Arguments.of(
                        "headers only for a form the command does not have",
                        "urc +E as E \"e\" { }\n"
                                + "urc +R as R \"r\" { param d: bytes http until +E; report: <d>; }\n"
                                + "command AT+X as X { timeout 1s; exec; completion collect +R until +E headers only for get; }",
                        "t.atspec:4:39: error: 'headers only for get' names no form of AT+X"),
                Arguments.of(
                        "an HTTP message payload after another field",
                        "urc +E as E \"e\" { }\n"
                                + "urc +R as R \"r\" { param n: int; param d: bytes http until +E; report: <n>,<d>; }",
                        "t.atspec:3:75: error: HTTP message payload <d> starts on the line after the header of +R, so it"
                                + " must be the only field of its report"),
                Arguments.of(
                        "an HTTP message payload with two terminators",
                        "urc +E as E \"e\" { }\nurc +F as F \"f\" { }\n"
                                + "urc +R as R \"r\" { param d: bytes http until +E|+F; report: <d>; }",
                        "t.atspec:4:28: error: HTTP message payload <d> ends at one terminator (the line that closes the"
                                + " link), not 2"),
                Arguments.of(
                        "unknown edition",
                        "chapter_edition_placeholder",
                        "t.atspec:2:41: error: unknown edition 'v9'; the chapter declares none"),
                Arguments.of(
                        "Java keyword as constant",
                        "enum E \"e\" { 0 default \"d\"; }",
                        "t.atspec:2:14: error: 'default' is a Java keyword; choose another name"),
                Arguments.of(
                        "URC named like the generated URC interface",
                        "urc +A as TUrc \"a\" { }",
                        "t.atspec:2:5: error: 'TUrc' is the name of a type atspec generates for chapter 't'"
                                + " (TUrc, TRequests, TCommands, TEdition, TChapter); choose another name"),
                Arguments.of(
                        "form name that would hide java.lang.String",
                        "command AT+X as X { timeout 1s; param a: int; set string: <a>; }",
                        "t.atspec:2:47: error: 'String' would hide java.lang.String in generated code; choose"
                                + " another name"),
                // Ranges and defaults
                Arguments.of(
                        "inverted range",
                        "command AT+X as X { timeout 1s; param a: int 5..1; set: <a>; }",
                        "t.atspec:2:46: error: range 5..1 is empty: its lower bound is above its upper bound"),
                Arguments.of(
                        "inverted size range",
                        "command AT+X as X { timeout 1s; param a: string(10..2); set: <a>; }",
                        "t.atspec:2:49: error: size range 10..2 is empty: its lower bound is above its upper"
                                + " bound"),
                Arguments.of(
                        "default outside range",
                        "command AT+X as X { timeout 1s; param a: int 0..3 default 7; set: <a>; }",
                        "t.atspec:2:59: error: default of parameter 'a' is invalid: <a> = 7 is outside 0..3"),
                Arguments.of(
                        "default not in enum",
                        "enum E \"e\" { 0 A \"a\"; }\n"
                                + "command AT+X as X { timeout 1s; param a: E default 5; set: <a>; }",
                        "t.atspec:3:52: error: default of parameter 'a' is invalid: '5' is not a constant of"
                                + " enum E (0)"),
                Arguments.of(
                        "zero timeout",
                        "command AT+X as X { timeout 0s; exec; }",
                        "t.atspec:2:29: error: timeout of AT+X must be positive, found 0 ms"),
                Arguments.of(
                        "negative timeout",
                        "command AT+X as X { timeout -5s; exec; }",
                        "t.atspec:2:29: error: timeout of AT+X must be positive, found -5000 ms"),
                // Forms
                Arguments.of(
                        "optional group not trailing",
                        "command AT+X as X { timeout 1s; param a: int; param b: int; set: [<a>],<b>; }",
                        "t.atspec:2:66: error: optional group [<a>] is not trailing: <b> follows it, so a parser"
                                + " could not tell which arguments were left out"),
                Arguments.of(
                        "forms a parser cannot tell apart",
                        "command AT+X as X { timeout 1s; param a: int; set x: <a>; set y: <a>; }",
                        "t.atspec:2:59: error: AT+X: set form 'y' cannot be told apart from set form 'x'"
                                + " (line 2) when both have 1 argument; fix a discriminator to different values,"
                                + " such as <mode=0> and <mode=1>"),
                Arguments.of(
                        "several unnamed forms of one kind",
                        "command AT+X as X { timeout 1s; param a: int; set: <a=0>; set: <a=1>; }",
                        "t.atspec:2:47: error: AT+X has 2 set forms; name each one (set get: ...), the name"
                                + " becomes its Java factory"),
                Arguments.of(
                        "fixed value outside range",
                        "command AT+X as X { timeout 1s; param a: int 0..2; set: <a=9>; }",
                        "t.atspec:2:57: error: fixed value of <a> is invalid: <a> = 9 is outside 0..2"),
                Arguments.of(
                        "prompt without length",
                        "command AT+X as X { timeout 1s; param p: bytes; param n: int; set: <n> prompt <p>; }",
                        "t.atspec:2:63: error: prompt payload <p> has no length: the set form needs a parameter"
                                + " declared '= length(p)' so the module knows how many bytes follow the prompt"),
                Arguments.of(
                        "derived length the payload cannot meet",
                        "command AT+X as X { timeout 1s; param p: bytes(10..20); param n: int 30..40 ="
                                + " length(p); set: <n> prompt <p>; }",
                        "t.atspec:2:63: error: derived length 'n' allows 30..40 but 'p' is 10..20 bytes: no"
                                + " payload can satisfy both"),
                Arguments.of(
                        "derived length without prompt",
                        "command AT+X as X { timeout 1s; param p: bytes(1..9); param n: int = length(p);"
                                + " param x: int; set a: <x=0>,<n>; set b: <x=1>,<n> prompt <p>; }",
                        "t.atspec:2:108: error: <n> is the length of <p>, which the set form 'a' does not send: add"
                                + " <p> to its line, or 'prompt <p>'"),
                Arguments.of(
                        "exec form with arguments",
                        "command AT+X as X { timeout 1s; param a: int; exec: <a>; }",
                        "t.atspec:2:47: error: a exec form takes no arguments; only set forms have a format"
                                + " after ':'"),
                Arguments.of(
                        "built-in final declared",
                        "command AT+X as X { timeout 1s; exec; final \"OK\" ok; }",
                        "t.atspec:2:45: error: 'OK' is a built-in final result; declare only lines specific"
                                + " to AT+X"),
                // Constructs the back end cannot honour
                Arguments.of(
                        "final line with a field placeholder",
                        "command AT+X as X { timeout 1s; exec; final \"+TCPSETUP: <n>,ERROR1\" error; }",
                        "t.atspec:2:45: error: final line '+TCPSETUP: <n>,ERROR1' of AT+X holds the placeholder"
                                + " <n>, but a quoted final line is matched as written, so it would never match;"
                                + " give the line a name and a shape to read the field ('final <name>: +X:"
                                + " <n>,\"TEXT\" error'), or write out each line the module sends"),
                Arguments.of(
                        "wait on a text field",
                        "command AT+X as X { timeout 1s; exec; completion until +A when s in 0|1; }\n"
                                + "urc +A as A \"a\" { param s: string \"s\"; report: <s>; }",
                        "t.atspec:2:56: error: <s> of URC +A is a string, but 'in 0|1' names numbers, which it"
                                + " never equals; name words or strings ('in OK|FAIL', 'in \"Link Closed\"')"),
                Arguments.of(
                        "wait for a word on an int field",
                        "command AT+X as X { timeout 1s; exec; completion until +A when n in 1|OK; }\n"
                                + "urc +A as A \"a\" { param n: int \"n\"; report: <n>; }",
                        "t.atspec:2:71: error: <n> of URC +A is an int, but 'in' names the word 'OK', which it never equals; name numbers ('in 0|1')"),
                Arguments.of(
                        "wait for a word an enum does not have",
                        "enum R \"r\" { OK ok \"ok\"; FAIL fail \"fail\"; }\n"
                                + "command AT+X as X { timeout 1s; exec; completion until +A when r in OK|\"LOST\"; }\n"
                                + "urc +A as A \"a\" { param r: R \"r\"; report: <r>; }",
                        "t.atspec:3:72: error: <r> of URC +A is enum R, which has no value 'LOST'; its values are OK, FAIL"),
                Arguments.of(
                        "a shaped final line that is ok",
                        "command AT+X as X { timeout 1s; param n: int \"n\"; set: <n>; final done: +X: <n>,\"OK\" ok; }",
                        "t.atspec:2:67: error: final line 'done' of AT+X has a shape, so it cannot be 'ok': a line that ends the command with fields is its answer; write it as a final response ('-> final +X: <n>,\"OK\"')"),
                Arguments.of(
                        "a shaped final line without a field",
                        "command AT+X as X { timeout 1s; exec; final busy: +X: \"BUSY\" error; }",
                        "t.atspec:2:45: error: final line 'busy' of AT+X carries no field; write the line as it is sent ('final \"+X: ...\" error')"),
                Arguments.of(
                        "a shaped final line with an alias",
                        "command AT+X as X { timeout 1s; param n: int \"n\"; set: <n>;"
                                + " final busy: +X: <n>,\"BUSY\" error alias \"+X: BUSY\"; }",
                        "t.atspec:2:67: error: final line 'busy' of AT+X is matched by its shape, which has no alias spellings; declare each spelling as a final line of its own"),
                Arguments.of(
                        "a shaped final line naming an unknown field",
                        "command AT+X as X { timeout 1s; exec; final busy: +X: <n>,\"BUSY\" error; }",
                        "t.atspec:2:55: error: unknown parameter <n> in final line 'busy' of AT+X; it declares no parameters"),
                Arguments.of(
                        "matching a parameter the command does not have",
                        "command AT+X as X { timeout 1s; exec; completion until +A matching n; }\n"
                                + "urc +A as A \"a\" { param n: int \"n\"; report: <n>; }",
                        "t.atspec:2:59: error: 'matching n' compares <n> of URC +A with <n> of the request, but AT+X has no parameter <n>; name it with 'matching n = <parameter>'"),
                Arguments.of(
                        "matching a field the report does not have",
                        "command AT+X as X { timeout 1s; param n: int \"n\"; set: <n>; completion until +A matching k = n; }\n"
                                + "urc +A as A \"a\" { param n: int \"n\"; report: <n>; }",
                        "t.atspec:2:81: error: URC +A has no field <k>"),
                Arguments.of(
                        "matching fields of different types",
                        "command AT+X as X { timeout 1s; param n: string \"n\"; set: <n>; completion until +A matching n; }\n"
                                + "urc +A as A \"a\" { param n: int \"n\"; report: <n>; }",
                        "t.atspec:2:84: error: 'matching n' compares <n> of URC +A (an int) with <n> of AT+X (a string), which are never equal; match fields of the same type"),
                Arguments.of(
                        "failing on reports that do not end the wait",
                        "command AT+X as X { timeout 1s; exec; completion until +A when r in OK fails when r in FAIL; }\n"
                                + "urc +A as A \"a\" { param r: string \"r\"; report: <r>; }",
                        "t.atspec:2:72: error: 'fails when r in ...' names reports that do not end the wait ('when r in ...'), so none of them would be the last; end the wait on them too"),
                Arguments.of(
                        "failing on a number of a text field",
                        "command AT+X as X { timeout 1s; exec; completion until +A fails when r in 3; }\n"
                                + "urc +A as A \"a\" { param r: string \"r\"; report: <r>; }",
                        "t.atspec:2:59: error: <r> of URC +A is a string, but 'in 3' names numbers, which it never equals; name words or strings ('in OK|FAIL', 'in \"Link Closed\"')"),
                Arguments.of(
                        "matching on a polled completion",
                        "command AT+Q as Q { timeout 1s; param s: int \"s\"; query -> +Q: <s>; }\n"
                                + "command AT+X as X { timeout 1s; exec; completion poll AT+Q? until s in 1 matching s; }",
                        "t.atspec:3:74: error: 'matching' ties reports to the request; it applies to a wait 'until +URC'"),
                Arguments.of(
                        "wait on an enum of words",
                        "enum R \"r\" { OK ok \"ok\"; FAIL fail \"fail\"; }\n"
                                + "command AT+X as X { timeout 1s; exec; completion until +A when r in 0|1; }\n"
                                + "urc +A as A \"a\" { param r: R \"r\"; report: <r>; }",
                        "t.atspec:3:56: error: <r> of URC +A is enum R, but 'in 0|1' names numbers, which it never"
                                + " equals; name words or strings ('in OK|FAIL', 'in \"Link Closed\"')"),
                Arguments.of(
                        "poll on a text field",
                        "command AT+Q as Q { timeout 1s; param s: string \"s\"; query -> +Q: <s>; }\n"
                                + "command AT+X as X { timeout 1s; exec; completion poll AT+Q? until s in 1; }",
                        "t.atspec:3:55: error: <s> of the query response of AT+Q holds text (a string), but a"
                                + " wait ends on numbers ('in 0|1'), so it would never end; wait on a number field"),
                Arguments.of(
                        "counted payload in a response whose length has no maximum",
                        "command AT+X as X { timeout 1s; param n: int; param d: bytes(n); query -> +X: <n>,<d>; }",
                        "t.atspec:2:83: error: payload <d> is sized by <n>, which has no declared maximum; give it"
                                + " one (int 1..4096): the maximum bounds the read, so a wrong length cannot"
                                + " swallow the lines behind it"),
                Arguments.of(
                        "payload in a response that is not counted",
                        "command AT+X as X { timeout 1s; param n: int 0..9; param d: bytes; query -> +X: <n>,<d>; }",
                        "t.atspec:2:85: error: <d> is a payload in the response +X: of AT+X, which is read by"
                                + " counting its bytes: declare it bytes(<length field>) with the length field"
                                + " before it"),
                Arguments.of(
                        "counted payload in a response not last",
                        "command AT+X as X { timeout 1s; param n: int 0..9; param d: bytes(n); param k: int;"
                                + " query -> +X: <n>,<d>,<k>; }",
                        "t.atspec:2:102: error: payload <d> must be the last field of its response: its bytes"
                                + " run to the end of the data"),
                Arguments.of(
                        "several response shapes without names",
                        "command AT+X as X { timeout 1s; param a: int 0..9; param b: int 0..9;"
                                + " query -> +X: <a>,<b> | +X: <a>; }",
                        "t.atspec:2:80: error: the query form of AT+X has 2 response shapes; name each one (data:"
                                + " +X: ...)"),
                Arguments.of(
                        "a response shape name twice",
                        "command AT+X as X { timeout 1s; param a: int 0..9; param b: int 0..9;"
                                + " query -> one: +X: <a>,<b> | one: +X: <a>; }",
                        "t.atspec:2:99: error: response shape 'one' is declared twice (first at line 2)"),
                Arguments.of(
                        "an int beyond 64 bits",
                        "command AT+X as X { timeout 1s; param n: int 0..18446744073709551616 \"n\"; set: <n>; }",
                        "t.atspec:2:49: error: number 18446744073709551616 does not fit in 64 bits (an int field"
                                + " goes from -9223372036854775808 up to the unsigned 18446744073709551615)"),
                Arguments.of(
                        "an int range no long holds",
                        "command AT+X as X { timeout 1s; param n: int -1..18446744073709551615 \"n\"; set: <n>; }",
                        "t.atspec:2:42: error: values -1..18446744073709551615 of 'n' fit no Java long: a signed"
                                + " one stops at 9223372036854775807, an unsigned one (no negative value) at"
                                + " 18446744073709551615"),
                Arguments.of(
                        "counted URC payload whose length has no maximum",
                        "urc +A as A \"a\" { param k: int 0..5; param n: int; param d: bytes(n);"
                                + " report: <k>,<n>,<d>; }",
                        "t.atspec:2:87: error: payload <d> is sized by <n>, which has no declared maximum; give it"
                                + " one (int 1..4096): the maximum bounds the read, so a wrong length cannot"
                                + " swallow the lines behind it"),
                // Clauses a block holds once
                Arguments.of(
                        "two sections in a command",
                        "command AT+X as X { section 1.1; section 1.2; timeout 1s; exec; }",
                        "t.atspec:2:34: error: second 'section' in command AT+X (the first is at line 2:21);"
                                + " write it once"),
                Arguments.of(
                        "two descriptions in a command",
                        "command AT+X as X { description \"a\"; description \"b\"; timeout 1s; exec; }",
                        "t.atspec:2:38: error: second 'description' in command AT+X (the first is at line"
                                + " 2:21); write it once"),
                Arguments.of(
                        "two completions in a command",
                        "command AT+X as X { timeout 1s; exec; completion until +A; completion until +A; }\n"
                                + "urc +A as A \"a\" { }",
                        "t.atspec:2:60: error: second 'completion' in command AT+X (the first is at line"
                                + " 2:39); write it once"),
                Arguments.of(
                        "a string both quoted and unquoted",
                        "command AT+X as X { timeout 1s; param a: string quoted unquoted; set: <a>; }",
                        "t.atspec:2:56: error: <a> is both 'quoted' (line 2:49) and 'unquoted'; choose one"),
                Arguments.of(
                        "a string both quoted and rest",
                        "command AT+X as X { timeout 1s; param a: string quoted rest; set: <a>; }",
                        "t.atspec:2:56: error: <a> is both 'quoted' (line 2:49) and 'rest'; choose one"),
                Arguments.of(
                        "a string both rest and unquoted",
                        "command AT+X as X { timeout 1s; param a: string rest unquoted; set: <a>; }",
                        "t.atspec:2:54: error: <a> is both 'rest' (line 2:49) and 'unquoted'; choose one"),
                Arguments.of(
                        "a rest int",
                        "command AT+X as X { timeout 1s; param a: int rest; set: <a>; }",
                        "t.atspec:2:39: error: only string and path parameters can run to the end of the line"
                                + " ('rest'); 'a' is an int"),
                Arguments.of(
                        "a rest parameter before another field",
                        "command AT+X as X { timeout 1s; param a: string rest; param b: int;" + " set s: <a>,<b>; }",
                        "t.atspec:2:76: error: <a> runs to the end of the line ('rest') but is not the last"
                                + " field of set form 's' of AT+X: <b> follows it; make it the last field or"
                                + " drop 'rest'"),
                Arguments.of(
                        "a rest parameter before an optional group",
                        "command AT+X as X { timeout 1s; param a: string rest; param b: int;" + " set: <a>[,<b>]; }",
                        "t.atspec:2:74: error: <a> runs to the end of the line ('rest') but is not the last"
                                + " field of set form of AT+X: <b> follows it; make it the last field or"
                                + " drop 'rest'"),
                Arguments.of(
                        "a rest parameter in a response",
                        "command AT+X as X { timeout 1s; param a: string rest; set: <a>; query -> +X: <a>; }",
                        "t.atspec:2:78: error: <a> is 'rest', which only a command's own line honours: response"
                                + " +X: of AT+X is read field by field, so its commas would split it; drop 'rest' or"
                                + " declare a field of its own"),
                Arguments.of(
                        "a rest parameter in a URC report",
                        "urc +U as U \"u\" { param a: string rest \"a\"; report: <a>; }",
                        "t.atspec:2:53: error: <a> is 'rest', which only a command's own line honours: its"
                                + " report of URC +U is read field by field, so its commas would split it; drop 'rest'"
                                + " or declare a field of its own"),
                Arguments.of(
                        "a modifier twice",
                        "command AT+X as X { timeout 1s; param a: string secret secret; set: <a>; }",
                        "t.atspec:2:56: error: second 'secret' in <a> (the first is at line 2:49); write it" + " once"),
                Arguments.of(
                        "two sections in a URC",
                        "urc +A as A \"a\" { section 1.1; section 1.2; }",
                        "t.atspec:2:32: error: second 'section' in URC +A (the first is at line 2:19); write"
                                + " it once"),
                Arguments.of(
                        "a completion ending both ways",
                        "command AT+X as X { timeout 1s; param s: int; query -> +X: <s>; exec;"
                                + " completion until +A poll AT+X? until s in 1; }\nurc +A as A \"a\" { }",
                        "t.atspec:2:91: error: the completion of AT+X is both 'until' (line 2:82) and 'poll';"
                                + " choose one"),
                // URCs
                Arguments.of(
                        "URC prefixes collide",
                        "urc +A as A \"a\" { }\nurc +A as B \"b\" { }",
                        "t.atspec:3:5: error: URC +A collides with the name or alias declared at line 2; a"
                                + " spelling may belong to one URC only (declare it once, as an alias of the"
                                + " other)"),
                Arguments.of(
                        "URC alias collides with another URC",
                        "urc +A as A \"a\" { }\nurc +B as B \"b\" { alias +A; }",
                        "t.atspec:3:25: error: URC +A collides with the name or alias declared at line 2; a"
                                + " spelling may belong to one URC only (declare it once, as an alias of the"
                                + " other)"),
                Arguments.of(
                        "field twice in a report",
                        "urc +A as A \"a\" { param n: int; param m: int; report: <n>,<m>,<n>; }",
                        "t.atspec:2:63: error: <n> appears twice in its report"),
                Arguments.of(
                        "payload not last",
                        "urc +A as A \"a\" { param n: int 0..9; param k: int; param d: bytes(n);"
                                + " report: <n>,<d>,<k>; }",
                        "t.atspec:2:83: error: payload <d> must be the last field of its report: its bytes run"
                                + " to the end of the data"),
                Arguments.of(
                        "raw payload ends at an unknown URC",
                        "urc +A as A \"a\" { param d: bytes until +ZZ; report: <d>; }",
                        "t.atspec:2:28: error: payload <d> ends at +ZZ, which the chapter does not declare as a"
                                + " URC"),
                // Examples
                Arguments.of(
                        "example sends an undeclared command",
                        "command AT+X as X { timeout 1s; exec; example \"e\" {\n> AT+Y\n} }",
                        "t.atspec:3:1: error: example sends AT+Y, which the chapter does not declare (add an"
                                + " alias if the manual spells a declared command this way)"),
                Arguments.of(
                        "example argument out of range",
                        "command AT+X as X { timeout 1s; param a: int 0..3; set: <a>; example \"e\" {\n"
                                + "> AT+X=7\n< OK\n} }",
                        "t.atspec:3:1: error: example line does not fit AT+X: set form: <a> = 7 is outside" + " 0..3"),
                Arguments.of(
                        "example with too many arguments",
                        "command AT+X as X { timeout 1s; param a: int; set: <a>; example \"e\" {\n" + "> AT+X=1,2\n} }",
                        "t.atspec:3:1: error: example line does not fit AT+X: set form: expected 1 argument"
                                + " (<a>), found 2"),
                Arguments.of(
                        "refused line that is valid",
                        "command AT+X as X { timeout 1s; param a: int; set: <a>; example \"e\" {\n"
                                + ">! AT+X=1\n< ERROR\n} }",
                        "t.atspec:3:1: error: line is marked refused ('>!') but fits the set form of AT+X"),
                Arguments.of(
                        "unknown received line",
                        "command AT+X as X { timeout 1s; exec; example \"e\" {\n> AT+X\n< +WHAT: 1\n} }",
                        "t.atspec:4:1: error: received line '+WHAT: 1' is not a final result or response of"
                                + " AT+X, nor a URC the chapter declares"),
                Arguments.of(
                        "payload length differs from derived length",
                        "command AT+X as X { timeout 1s; param p: bytes(1..99); param n: int 1..99 ="
                                + " length(p); set: <n> prompt <p>; example \"e\" {\n"
                                + "> AT+X=5\n< >\n> abc\n< OK\n} }",
                        "t.atspec:4:1: error: payload after the prompt is 3 bytes (lines joined with CR LF),"
                                + " but <n> says 5"),
                Arguments.of(
                        "prompt for a command without payload",
                        "command AT+X as X { timeout 1s; exec; example \"e\" {\n> AT+X\n< >\n} }",
                        "t.atspec:4:1: error: prompt '>' received, but the exec form of AT+X sends no" + " payload"));
    }

    /** {@code when <s> in OK|FAIL} on a text field, {@code in "Link Closed"} on a word enum: both check clean. */
    @org.junit.jupiter.api.Test
    void aWaitForTextValuesOfATextFieldChecksClean() {
        CompilationResult result =
                Specs.compile("enum R \"r\" { \"OK\" ok \"ok\"; \"Link Closed\" closed \"closed\"; }\n"
                        + "command AT+X as X { timeout 1s; exec; completion until +A when s in OK|FAIL fails when s in FAIL; }\n"
                        + "command AT+Y as Y { timeout 1s; exec; completion until +B when r in \"Link Closed\"; }\n"
                        + "urc +A as A \"a\" { param s: string \"s\"; report: <s>; }\n"
                        + "urc +B as B \"b\" { param r: R \"r\"; report: <r>; }");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.chapter()).isPresent();
    }

    @org.junit.jupiter.api.Test
    void reportsEveryRefusedConstructInOneRun() {
        CompilationResult result = Specs.compile(
                "command AT+X as X { section 1.1; section 1.2; description \"a\"; description \"b\"; timeout 1s;"
                        + " param a: string quoted unquoted; set: <a>; final \"+X: <n>\" error; }");

        assertThat(result.errors()).extracting(d -> d.location().column()).containsExactly(34, 64, 116, 142);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void reportsExactlyThisDiagnostic(String what, String body, String expected) {
        String spec = body.equals("chapter_edition_placeholder")
                ? "command AT+X as X { timeout 1s; timeout 2s edition v9; exec; }"
                : body;
        CompilationResult result = Specs.compile(spec);

        assertThat(result.diagnostics()).extracting(Diagnostic::header).containsExactly(expected);
        assertThat(result.chapter()).isEmpty();
    }
}
