// one.atspec renamed to two.atspec between the builds: its outputs and their now empty package
// directory are gone; the other spec's outputs are still there.
def out = new File(basedir, 'target/generated-sources/atspec/com/acme')
assert !new File(out, 'one').exists() : 'outputs of the renamed spec were left behind'
assert new File(out, 'two/Demo.java').isFile()
assert new File(out, 'keep/Demo.java').isFile()
assert new File(out, 'two/Demo.java').text.contains('two.atspec')

def log = new File(basedir, 'build.log').text
assert log =~ /atspec: 1 of 2 specs generated: \d+ files written, \d+ unchanged, [1-9]\d* deleted/
return true
