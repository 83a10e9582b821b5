package org.govsite.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The formats a build knows: the two official ones shipped with the plugin, plus any a portal adds from a folder
 * of its own. A portal's definition with the id of a built-in one replaces it.
 */
public final class FormatCatalog {
    /** The built-in official formats, by id. */
    public static final List<String> BUILT_IN = List.of("2019", "2021");

    private final List<FormatDefinition> formats;

    /**
     * The six section titles of a report without tables (before 2019): those of the current official format, read
     * from its definition, so that no title is written twice.
     */
    public static List<String> standardSections() {
        return Standard.SECTIONS;
    }

    /** Loaded once, on first use; immutable. */
    private static final class Standard {
        static final List<String> SECTIONS = builtIn().byId("2021").orElseThrow().sections();
    }

    private FormatCatalog(List<FormatDefinition> formats) {
        this.formats = List.copyOf(formats);
    }

    /** The built-in formats only. */
    public static FormatCatalog builtIn() {
        return withCustom(null);
    }

    /**
     * The built-in formats, and those in {@code customDir} (every {@code *.yaml} file), if it exists.
     *
     * @throws FormatDefinitionException when a definition is invalid
     */
    public static FormatCatalog withCustom(Path customDir) {
        List<FormatDefinition> list = new ArrayList<>();
        for (String id : BUILT_IN) {
            String resource = "/org/govsite/formats/" + id + ".yaml";
            try (InputStream in = FormatCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new FormatDefinitionException(resource, "missing from the plugin");
                }
                list.add(FormatReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (customDir != null && Files.isDirectory(customDir)) {
            try (Stream<Path> files = Files.list(customDir)) {
                for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                        .sorted(Comparator.comparing(Path::toString)).toList()) {
                    FormatDefinition def = FormatReader.read(Files.readString(file, StandardCharsets.UTF_8),
                            file.toString());
                    list.removeIf(f -> f.id().equals(def.id()));
                    list.add(def);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        list.sort(Comparator.comparing(FormatDefinition::id));
        checkYears(list);
        return new FormatCatalog(list);
    }

    public List<FormatDefinition> all() {
        return formats;
    }

    public Optional<FormatDefinition> byId(String id) {
        return formats.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * The format a report of {@code year} takes when it names none: the one whose definition says
     * {@code default_by_year: true} and whose years hold it (for the official ones: 2019–2020 → 2019, 2021 on →
     * 2021, none before 2019).
     */
    public Optional<FormatDefinition> forYear(int year) {
        return formats.stream().filter(f -> f.defaultByYear() && f.appliesTo(year)).findFirst();
    }

    /** At most one format chooses itself for any year. */
    private static void checkYears(List<FormatDefinition> formats) {
        List<FormatDefinition> byYear = formats.stream().filter(FormatDefinition::defaultByYear).toList();
        for (int i = 0; i < byYear.size(); i++) {
            for (int j = i + 1; j < byYear.size(); j++) {
                FormatDefinition a = byYear.get(i);
                FormatDefinition b = byYear.get(j);
                if (a.firstYear() <= b.lastYear() && b.firstYear() <= a.lastYear()) {
                    FormatDefinition custom = a.source().startsWith("/org/govsite/") ? b : a;
                    FormatDefinition other = custom == a ? b : a;
                    throw new FormatDefinitionException(custom.source(), "default_by_year: its years overlap those"
                            + " of format " + other.id() + " (" + other.source() + "); give it the id "
                            + other.id() + " to replace that format, or remove default_by_year");
                }
            }
        }
    }
}
