def reports = new File(basedir, 'src/govsite/reports')
def yaml = new File(reports, 'shanzhou-zfb/2025/report.yaml')
assert yaml.isFile() : 'the good file is imported'
def text = yaml.getText('UTF-8')
assert text.contains('status: published')
assert text.contains('new:          [13, 0, 0, 0, 0, 0, 13]') || text =~ /new: \[13, 0, 0, 0, 0, 0, 13\]/
assert new File(reports, 'shanzhou-zfb/2025/report.md').getText('UTF-8').contains('## 六、其他需要报告的事项')
assert !new File(reports, 'shanzhou-zfb/2026').exists() : 'the file with 十三 left no partial report'
assert reports.list().sort() == ['shanzhou-zfb'] : "no other agency folder: ${reports.list()}"
def leftovers = []
reports.eachFileRecurse { if (it.name.startsWith('.govsite-import-')) leftovers << it }
assert leftovers.isEmpty() : "no staging folder left: ${leftovers}"
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('文件') && log.contains('读取单元格') && log.contains('空白单元格')
assert log =~ /in\/a-2025\.txt\s+shanzhou-zfb\s+2025\s+2021\s+200\s+0\s+\d+\s+已导入/
assert log =~ /in\/b-2026-with-a-word-for-a-number\.txt\s+shanzhou-zfb\s+2026\s+2021\s+\d+\s+0\s+\d+\s+未导入/
assert log =~ /in\/c-shanghai-2019-unknown-agency\.html\s+2019\s+2019\s+198\s+135\s+\d+\s+未导入/
assert log.contains('[I1]') && log.contains('“十三”不是数字')
assert log.contains('已存在，未作任何改动') : 'the second run does not overwrite'
assert !log.contains('BUILD ERROR')
return true
