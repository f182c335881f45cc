// Both bad specs' diagnostics are listed (path:line:col: error:, source line, caret), the build
// fails without a stack trace, and the good spec's bindings were not written either.
def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] src/main/atspec/bad1.atspec:2:23: error: code '0' is declared twice")
assert log.contains("[ERROR] src/main/atspec/bad2.atspec:2:49: error: unknown type 'Nope'")
assert log.contains('command AT+X as X "x" { timeout 300ms; param p: Nope "p"; set: <p>; }\n' + (' ' * 48) + '^')
assert log.contains('atspec: 2 errors in 2 spec files')
assert !(log =~ /(?m)^\s+at [a-z]+\./) : 'a stack trace was printed'
assert !new File(basedir, 'target/generated-sources/atspec').exists() : 'something was generated'
return true
