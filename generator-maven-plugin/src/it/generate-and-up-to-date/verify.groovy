// Build 1 generated and compiled the bindings; build 2 (same log) found them up to date.
def out = new File(basedir, 'target/generated-sources/atspec/com/acme/demo')
assert out.isDirectory() : "no generated package directory $out"
def sources = out.listFiles().findAll { it.name.endsWith('.java') }*.name.sort()
assert !sources.isEmpty()
['Demo.java', 'DemoReport.java'].each { assert it in sources : "$it not generated; got $sources" }
// @Generated names the spec relative to the source directory, with '/'.
assert new File(out, 'Demo.java').text.contains('acme/demo.atspec')
def classes = new File(basedir, 'target/classes/com/acme/demo')
assert new File(classes, 'Demo.class').isFile() : 'the generated sources were not compiled'
assert new File(basedir, 'target/classes/com/acme/app/App.class').isFile()
// The chapter descriptor is registered for ServiceLoader, from a generated resource root.
def service = new File(basedir, 'target/classes/META-INF/services/io.atspec.runtime.bind.ChapterBinding')
assert service.isFile() : 'the service registration of the chapter descriptor was not packaged'
assert service.text == 'com.acme.demo.DemoChapter\n'
assert new File(classes, 'DemoChapter.class').isFile()

def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects/).findAll { it.contains('atspec') }
assert runs.size() == 2 : "expected two builds in build.log, found ${runs.size()}"
assert runs[0] =~ /atspec: 1 of 1 spec generated: \d+ files written/
assert runs[1] =~ /atspec: 1 spec up to date \(\d+ ms\)/
// Nothing rewritten, so no timestamp moved and the compiler plugin sees nothing stale.
assert runs[1].contains('Nothing to compile - all classes are up to date')
assert !(runs[1] =~ /Changes detected|Compiling \d+ source/)
return true
