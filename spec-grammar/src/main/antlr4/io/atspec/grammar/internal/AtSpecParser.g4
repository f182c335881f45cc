/*
 * Parser of the atspec language: one chapter header, then enums, error tables, commands and
 * URCs, one block per manual section. No actions: the AstBuilder visitor turns the parse
 * tree into the immutable model.
 */
parser grammar AtSpecParser;

options { tokenVocab = AtSpecLexer; }

spec
    : chapter declaration* EOF
    ;

chapter
    : CHAPTER name text? LBRACE chapterItem* RBRACE
    ;

chapterItem
    : PACKAGE qualifiedName SEMI                         # packageItem
    | FACADE name SEMI                                   # facadeItem
    | MANUAL text (SECTION sectionNumber)? SEMI          # manualItem
    | EDITION name text? SEMI                            # editionItem
    | DESCRIPTION text SEMI                              # chapterDescriptionItem
    | USES name URC urcRef (COMMA urcRef)* SEMI          # usesItem
    ;

// A URC of another chapter, by the line it starts with: +PBREADY or "GPRS DISCONNECTION".
urcRef
    : PREFIX
    | STRING
    ;

declaration
    : enumDecl
    | errorsDecl
    | commandDecl
    | urcDecl
    ;

enumDecl
    : ENUM name text? LBRACE enumEntry* RBRACE
    ;

errorsDecl
    : ERRORS name text? LBRACE enumEntry* RBRACE
    ;

enumEntry
    : enumCode name text? SEMI
    ;

enumCode
    : INT
    | STRING
    | name
    ;

commandDecl
    : COMMAND AT_NAME (AS name)? text? LBRACE commandItem* RBRACE
    ;

commandItem
    : sectionStmt
    | descriptionStmt
    | timeoutStmt
    | paramDecl
    | formDecl
    | finalDecl
    | aliasStmt
    | errorsUse
    | completionDecl
    | exampleDecl
    ;

urcDecl
    : URC (PREFIX | STRING) (AS name)? text? LBRACE urcItem* RBRACE
    ;

urcItem
    : sectionStmt
    | descriptionStmt
    | paramDecl
    | reportDecl
    | aliasStmt
    | rebootStmt
    | exampleDecl
    ;

// The manual says the module sends this URC when it has started up (+PBREADY): a command
// pending then will never be answered.
rebootStmt
    : INDICATES REBOOT SEMI
    ;

sectionStmt
    : SECTION sectionNumber SEMI
    ;

sectionNumber
    : VERSION
    | INT
    ;

descriptionStmt
    : DESCRIPTION text SEMI
    ;

timeoutStmt
    : TIMEOUT DURATION (EDITION name)? SEMI
    ;

paramDecl
    : PARAM name COLON typeExpr paramModifier* text? SEMI
    ;

typeExpr
    : INT_TYPE valueSet?                                 # intType
    | (STRING_TYPE | HEX_TYPE | PATH_TYPE) sizeSpec?     # stringType
    | BYTES_TYPE sizeSpec?                               # bytesType
    | BYTES_TYPE HTTP? UNTIL PREFIX (BAR PREFIX)*        # rawBytesType
    | name                                               # namedType
    ;

sizeSpec
    : LPAREN sizeRange RPAREN                            # sizeBounds
    | LPAREN name RPAREN                                 # sizeField
    ;

sizeRange
    : INT? RANGE INT
    | INT RANGE?
    ;

valueSet
    : valueItem (BAR valueItem)*
    ;

valueItem
    : INT (RANGE INT)?
    ;

paramModifier
    : QUOTED                                             # quotedModifier
    | UNQUOTED                                           # unquotedModifier
    | REST                                               # restModifier
    | SECRET                                             # secretModifier
    | OPTIONAL                                           # optionalModifier
    | DEFAULT value                                      # defaultModifier
    | EQUALS LENGTH LPAREN name RPAREN                   # derivedModifier
    ;

value
    : INT
    | STRING
    | name
    ;

formDecl
    : formKind name? (COLON format)? promptClause? (ARROW response (BAR response)*)? SEMI
    ;

formKind
    : SET
    | EXEC
    | QUERY
    | TEST
    ;

promptClause
    : PROMPT LT name GT
    ;

// An optional group carries its own leading comma, as the manual writes it:
// <mode>[,<length>[,<type>]].
format
    : formatItem (COMMA formatItem | optionalGroup)*
    ;

formatItem
    : LT name (EQUALS value)? GT                         # fieldItem
    | STRING                                             # textItem
    | optionalGroup                                      # groupItem
    ;

optionalGroup
    : LBRACKET COMMA? format RBRACKET
    ;

// A form with several response shapes names each one: data: +SOCKREAD: <link>,<len>,<data>.
// `final`: the response is also the command's final result (no OK follows it).
response
    : FINAL? (name COLON)? PREFIX format?
    ;

reportDecl
    : REPORT name? (COLON format)? SEMI
    ;

// A literal line (`final "+X: FAILED" error`), or a shaped one carrying fields
// (`final in_use: +X: <link>,"ERROR1" error "..."`).
finalDecl
    : FINAL (STRING | finalShape) (OK | ERROR) text? (ALIAS STRING (COMMA STRING)*)? (EDITION name)? SEMI
    ;

finalShape
    : name COLON PREFIX format?
    ;

aliasStmt
    : ALIAS aliasName (COMMA aliasName)* SEMI
    ;

aliasName
    : AT_NAME
    | PREFIX
    | STRING
    ;

errorsUse
    : ERRORS name SEMI                                   # errorsReference
    | ERRORS LBRACE enumEntry* RBRACE                    # errorsInline
    ;

// `for <form>` limits the completion to some forms: XIIC=1 is awaited, XIIC=0 is not.
// `when ... given <param>`: the values end the wait only when the request carries <param>;
// without it the first report does (HTTPGET verifies only when given a check code).
completionDecl
    : COMPLETION DURATION? (FOR name (COMMA name)*)? completionClause+ SEMI
    ;

completionClause
    : COLLECT PREFIX (COMMA PREFIX)*                     # collectClause
    | UNTIL PREFIX (WHEN name IN whenValues (GIVEN name)?)?  # untilClause
    | MATCHING name (EQUALS name)?                       # matchingClause
    | FAILS WHEN name IN whenValues                      # failsClause
    | POLL AT_NAME QUESTION? UNTIL name IN valueSet (EVERY DURATION)?  # pollClause
    | ABORT ON urcRef (COMMA urcRef)*                    # abortClause
    | HEADERS ONLY FOR name (COMMA name)*                # headersOnlyClause
    ;

// Values a report field is tested against: numbers and ranges for an int field, words and
// strings for a text or word-enum field (`in OK|FAIL`, `in "Link Closed"`).
whenValues
    : whenValue (BAR whenValue)*
    ;

whenValue
    : INT (RANGE INT)?
    | STRING
    | name
    ;

exampleDecl
    : EXAMPLE_OPEN transcriptLine* RBRACE
    ;

transcriptLine
    : TX
    | TX_REFUSED
    | RX
    ;

text
    : STRING+
    ;

qualifiedName
    : name (DOT name)*
    ;

// Keywords are reserved only where the grammar needs them; anywhere a name is expected
// they are plain names, so a parameter may be called <type>, <mode> or <length>.
name
    : IDENT
    | CHAPTER | PACKAGE | FACADE | MANUAL | EDITION | ENUM | ERRORS | COMMAND | URC | AS
    | SECTION | DESCRIPTION | TIMEOUT | PARAM | SET | EXEC | QUERY | TEST | REPORT | PROMPT
    | FINAL | OK | ERROR | ALIAS | COMPLETION | COLLECT | UNTIL | WHEN | IN | POLL | FOR | EVERY
    | ABORT | ON | USES | GIVEN | HEADERS | ONLY | HTTP | MATCHING | FAILS
    | INDICATES | REBOOT
    | DEFAULT | QUOTED | UNQUOTED | REST | SECRET | OPTIONAL | LENGTH | INT_TYPE | STRING_TYPE
    | HEX_TYPE | PATH_TYPE | BYTES_TYPE
    ;
