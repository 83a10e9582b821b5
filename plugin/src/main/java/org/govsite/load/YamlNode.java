package org.govsite.load;

import java.util.List;
import java.util.Optional;

/** A YAML node with the line and column where it starts, so that every finding can point at it. */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {
    int line();

    int column();

    /** A mapping, its entries in document order. Duplicate keys are reported while reading and the first one kept. */
    record Mapping(List<Entry> entries, int line, int column) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        Optional<YamlNode> get(String key) {
            return entry(key).map(Entry::value);
        }
    }

    record Entry(String key, int line, int column, YamlNode value) {
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar as YAML typed it.
     *
     * @param text the text, {@code null} for a null or empty value
     */
    record Scalar(String text, Type type, int line, int column) implements YamlNode {
        enum Type { INTEGER, DECIMAL, STRING, BOOLEAN, NULL }

        boolean isBlank() {
            return type == Type.NULL || (type == Type.STRING && text.isBlank());
        }
    }
}
