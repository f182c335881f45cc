// -Datspec.skip=true: nothing generated, nothing compiled from generated sources.
def log = new File(basedir, 'build.log').text
assert log.contains('atspec: skipped (atspec.skip)')
assert !new File(basedir, 'target/generated-sources/atspec').exists()
assert !new File(basedir, 'target/classes/com').exists()
return true
