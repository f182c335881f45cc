/*
 * Lexer of the atspec language. The default mode covers declarations; an example block
 * switches to TRANSCRIPT mode, where each line is taken whole, because transcript lines
 * hold wire text (URLs with "//", XML with '<' and '>') that must not be tokenised.
 */
lexer grammar AtSpecLexer;

// Keywords. They are still accepted as names (see `name` in the parser), because the
// manual's parameter names (<type>, <mode>, <length>, <size>...) overlap them.
CHAPTER     : 'chapter';
PACKAGE     : 'package';
FACADE      : 'facade';
MANUAL      : 'manual';
EDITION     : 'edition';
ENUM        : 'enum';
ERRORS      : 'errors';
COMMAND     : 'command';
URC         : 'urc';
AS          : 'as';
SECTION     : 'section';
DESCRIPTION : 'description';
TIMEOUT     : 'timeout';
PARAM       : 'param';
SET         : 'set';
EXEC        : 'exec';
QUERY       : 'query';
TEST        : 'test';
REPORT      : 'report';
PROMPT      : 'prompt';
FINAL       : 'final';
OK          : 'ok';
ERROR       : 'error';
ALIAS       : 'alias';
COMPLETION  : 'completion';
COLLECT     : 'collect';
UNTIL       : 'until';
WHEN        : 'when';
IN          : 'in';
POLL        : 'poll';
INDICATES   : 'indicates';
REBOOT      : 'reboot';
FOR         : 'for';
EVERY       : 'every';
ABORT       : 'abort';
ON          : 'on';
MATCHING    : 'matching';
FAILS       : 'fails';
USES        : 'uses';
GIVEN       : 'given';
HEADERS     : 'headers';
ONLY        : 'only';
HTTP        : 'http';
DEFAULT     : 'default';
QUOTED      : 'quoted';
UNQUOTED    : 'unquoted';
REST        : 'rest';
SECRET      : 'secret';
OPTIONAL    : 'optional';
LENGTH      : 'length';
INT_TYPE    : 'int';
STRING_TYPE : 'string';
HEX_TYPE    : 'hex';
PATH_TYPE   : 'path';
BYTES_TYPE  : 'bytes';
// `example "title" {` is one token that opens a transcript, so `example` alone stays a name
// (package com.example.modem).
EXAMPLE_OPEN : 'example' [ \t]* ('"' (~["\\\r\n] | '\\' .)* '"')? [ \t\r\n]* '{' -> pushMode(TRANSCRIPT);

// An AT command name: AT, a command-set character, the name (AT+HTTPPARA, AT$QCPWD).
AT_NAME     : 'AT' [+$^%&*#] [A-Z0-9_]+;
// A response or URC prefix: +HTTPRECV or +HTTPRECV: (the colon is part of the wire form).
PREFIX      : '+' [A-Z] [A-Z0-9_]* ':'?;

DURATION    : '-'? DIGITS ('ms' | 's' | 'min');
VERSION     : DIGITS ('.' DIGITS)+;
INT         : '-'? DIGITS;
STRING      : '"' (~["\\\r\n] | '\\' .)* '"';
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' .)*;
IDENT       : [a-zA-Z_] [a-zA-Z0-9_]*;

LBRACE      : '{';
RBRACE      : '}';
LPAREN      : '(';
RPAREN      : ')';
LBRACKET    : '[';
RBRACKET    : ']';
LT          : '<';
GT          : '>';
ARROW       : '->';
RANGE       : '..';
DOT         : '.';
COMMA       : ',';
COLON       : ':';
SEMI        : ';';
EQUALS      : '=';
BAR         : '|';
QUESTION    : '?';

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
WS            : [ \t\r\n\f\u00A0\uFEFF]+ -> channel(HIDDEN);

// Anything else is one bad character; the parser reports it with its position.
BAD_CHAR    : .;

fragment DIGITS : [0-9]+;

// One token per transcript line: `>` the host sends, `>!` the host sends and the module
// refuses, `<` the module answers. `}` alone closes the example.
mode TRANSCRIPT;
TX_REFUSED   : '>!' ~[\r\n]*;
TX           : '>' ~[\r\n]*;
RX           : '<' ~[\r\n]*;
TR_COMMENT   : '//' ~[\r\n]* -> channel(HIDDEN);
TR_WS        : [ \t\r\n\f]+ -> channel(HIDDEN);
TR_CLOSE     : '}' -> type(RBRACE), popMode;
TR_BAD_LINE  : ~[ \t\r\n\f<>}] ~[\r\n]*;
