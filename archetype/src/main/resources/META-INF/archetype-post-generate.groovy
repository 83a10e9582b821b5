// reportYear "auto": the report written this January is last calendar year's (北京时间).
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.time.LocalDate
import java.time.ZoneId

def props = request.properties
Path agency = Paths.get(request.outputDirectory, request.artifactId, 'src', 'govsite', 'reports', props.get('agencyId'))
String given = props.get('reportYear')
String year = given == 'auto' ? String.valueOf(LocalDate.now(ZoneId.of('Asia/Shanghai')).year - 1) : given
Path folder = agency.resolve(year)
if (given == 'auto') {
    Files.move(agency.resolve('auto'), folder)
}
['report.yaml', 'report.md'].each { name ->
    Path file = folder.resolve(name)
    Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace('__YEAR__', year), StandardCharsets.UTF_8)
}
println "govsite: portal created; the ${year} report is in src/govsite/reports/${props.get('agencyId')}/${year}. Run: mvn"
