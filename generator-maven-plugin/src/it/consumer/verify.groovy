import java.util.jar.JarFile

// 1. The project is the one docs/using-atspec.md shows: its pom, specs and application class
//    appear there verbatim (the pom with the version the guide names instead of this build's).
def guide = new File(usingAtspecGuide).text
def version = { String s -> s.replaceAll(/<atspec\.version>[^<]*<\/atspec\.version>/, '<atspec.version>V</atspec.version>') }
['pom.xml', 'src/main/atspec/example/basic.atspec', 'src/test/atspec/example/factory.atspec',
 'src/main/java/com/example/modem/Signal.java'].each { path ->
    def text = version(new File(basedir, path).text.trim())
    assert version(guide).contains(text) : "$path is not in docs/using-atspec.md as it is in the IT"
}

// 2. Main and test specs generated into their directories and compiled with the right sources.
def main = new File(basedir, 'target/generated-sources/atspec/com/example/modem/basic')
def test = new File(basedir, 'target/generated-test-sources/atspec/com/example/modem/factory')
['Csq.java', 'CsqResponse.java', 'Cfun.java', 'BasicCommands.java'].each {
    assert new File(main, it).isFile() : "$it not generated in $main"
}
assert new File(test, 'SelfTest.java').isFile() : "the test spec was not generated in $test"
assert new File(basedir, 'target/classes/com/example/modem/basic/Csq.class').isFile()
assert new File(basedir, 'target/classes/com/example/modem/Signal.class').isFile()
assert new File(basedir, 'target/test-classes/com/example/modem/factory/SelfTest.class').isFile()
assert !new File(basedir, 'target/classes/com/example/modem/factory').exists() : 'test bindings leaked into main'

// 3. The test that uses both ran and passed.
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.modem.BindingsTest.xml')
assert report.isFile() : 'BindingsTest did not run'
def suite = (report.text =~ /<testsuite [^>]*>/)[0]
['tests="4"', 'failures="0"', 'errors="0"'].each { assert suite.contains(it) : "BindingsTest: $suite" }

// 4. The second build: both goals up to date, nothing recompiled.
def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects/).drop(1)
assert runs.size() == 3 : "expected three builds in build.log, found ${runs.size()}"
assert runs[0].findAll(/atspec: 1 of 1 spec generated/).size() == 2
assert runs[1].findAll(/atspec: 1 spec up to date/).size() == 2 : 'generate and test-generate not both up to date'
assert !(runs[1] =~ /Changes detected|Compiling \d+ source/)

// 5. mvn atspec:help, by prefix, lists every goal.
def help = runs[2]
['atspec:generate', 'atspec:test-generate', 'atspec:help'].each {
    assert help.contains(it) : "atspec:help does not list $it"
}

// 6. Every jar the consumer gets names its module.
[['atspec-runtime', 'io.atspec.runtime'], ['atspec-spec-grammar', 'io.atspec.grammar'],
 ['atspec-maven-plugin', 'io.atspec.maven.plugin']].each { artifact, module ->
    def dir = new File(localRepositoryPath, "io/atspec/$artifact")
    def jar = dir.listFiles().collectMany { it.listFiles().findAll { f -> f.name ==~ /${artifact}-[^-]+(-SNAPSHOT)?\.jar/ } }
    assert jar.size() == 1 : "no single $artifact jar in $dir: $jar"
    def name = new JarFile(jar[0]).withCloseable { it.manifest.mainAttributes.getValue('Automatic-Module-Name') }
    assert name == module : "$artifact: Automatic-Module-Name is $name, expected $module"
}
return true
