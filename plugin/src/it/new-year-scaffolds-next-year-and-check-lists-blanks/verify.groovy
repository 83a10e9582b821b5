def yaml = new File(basedir, 'src/govsite/reports/shanzhou-zfb/2025/report.yaml')
assert yaml.isFile()
def text = yaml.getText('UTF-8')
assert text.contains('year: 2025')
assert text =~ /carried_over: \[0, 0, 0, 0, 0, 0, 0\]/ : '二、上年结转 from 2024'
assert text.contains('new: [~, ~, ~, ~, ~, ~, ~]')
def md = new File(basedir, 'src/govsite/reports/shanzhou-zfb/2025/report.md').getText('UTF-8')
assert md.contains('## 六、其他需要报告的事项')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert !log.contains('BUILD ERROR')
def blanks = (log =~ /src\/govsite\/reports\/shanzhou-zfb\/2025\/report\.yaml:\d+:\d+: 错误 \[Y4\]/).count
// 193 blank cells: the first 100 are listed, then one finding counts the other 93 (at most 100 per file)
assert blanks == 101 : "the first 100 blank cells and one that counts the rest, found ${blanks}"
assert log.contains('此文件还有 93 处问题未列出（Y4）')
assert !(log =~ /2025\/report\.(yaml|md):\d+:\d+: 错误 \[(?!Y4)/) : 'no other error in the draft'
return true
