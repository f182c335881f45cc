// The sensor chapter's bindings were built and its examples replayed (by the spec module's
// replay test); now the atspec tool of this build reads a capture of it through its jar, and
// documents its spec.

def report = new File(basedir, 'target/surefire-reports/TEST-io.atspec.spec.ManualExamplesTest.xml')
assert report.isFile() : 'the example replay did not run'
def suite = (report.text =~ /<testsuite [^>]*>/)[0]
println suite
// Four examples: AT+SSTAT (1), AT+SSEND (2), +SDATA (1); none skipped, none failed.
assert suite.contains('tests="4"')
assert suite.contains('failures="0"') && suite.contains('errors="0"') && suite.contains('skipped="0"')

def bindings = new File(basedir, 'target/atspec-it-sensor-1.0.jar')
assert bindings.isFile()

def atspec(String... args) {
    def command = [System.getProperty('java.home') + '/bin/java', '-jar', atspecJar] + args.toList()
    def process = command.execute(null, basedir)
    def out = new StringBuilder()
    def err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    println "atspec ${args.join(' ')} -> ${process.exitValue()}\n${out}${err}"
    return [process.exitValue(), out.toString().replace('\r\n', '\n')]
}

def (decodeExit, decoded) = atspec('decode', '--classpath', bindings.path, 'capture.txt')
assert decodeExit == 0
assert decoded.contains('> AT+SSTAT?\n    = command SensorStatus.Query[] (chapter sensor)')
assert decoded.contains('< +SSTAT: 1\n    = response to AT+SSTAT?: SensorStatusResponse[state=1 (MEASURING)]')
assert decoded.contains('command AT+SSEND (chapter sensor): 4 payload bytes follow the \'>\' prompt')
assert decoded.contains('> READ (4 bytes)\n    = payload of AT+SSEND: command SensorSend.SetForm[data=4 bytes]')
// Framed by the chapter's own decoder: 14 bytes over two lines.
assert decoded.contains('< +SDATA: 14, t=21.5C\\r\\nh=40% (14 payload bytes)\n'
        + '    = URC SensorData[length=14, data=14 bytes] (chapter sensor)')
// The error is explained from the table of the command that was pending (SensorError).
assert decoded.contains('= final result of AT+SSEND=2: +CME ERROR: 20 (the send buffer is full)')
assert decoded.contains('0 lines did not parse; no noise')

// Without the jar the tool does not know the chapter, and says so with its exit status.
def (unknownExit, unknown) = atspec('decode', 'capture.txt')
assert unknownExit == 1
assert unknown.contains('?? does not parse: AT+SSTAT is not a command of ')

def (docExit, documented) = atspec('doc', '-o', 'target/doc', 'src/main/atspec/acme/sensor.atspec')
assert docExit == 0
def md = new File(basedir, 'target/doc/sensor.md').text
assert md.contains('AT+SSEND')
assert md.contains('BUFFER_FULL')
assert md.contains('+SDATA')
assert md.contains('Asking for a reading')
return true
