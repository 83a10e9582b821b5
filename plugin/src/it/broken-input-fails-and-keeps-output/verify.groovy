def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert !log.contains('BUILD ERROR')
assert log.contains('src/govsite/reports/shanzhou-zfb/2024/report.yaml:44:')
assert log.contains('错误 [R2]')
assert log.contains('未发布任何页面，原有输出保持不变')
assert !log.contains('\tat org.govsite') : 'no stack trace'
def site = new File(basedir, 'target/govsite')
assert new File(site, 'index.html').getText('UTF-8') == 'earlier output'
assert site.list().toList().sort() == ['.govsite-site', 'index.html']
return true
