package org.hmskg.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads {@code <key>.meta.json} next to a seed. */
final class MetadataReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> STATUSES = Set.of("draft", "final");

    private MetadataReader() {
    }

    static Path metadataFile(Path seed) {
        String name = seed.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String key = dot > 0 ? name.substring(0, dot) : name;
        return seed.resolveSibling(key + ".meta.json");
    }

    static DocumentMetadata read(Path file) {
        String where = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ParseException(where, 1, "metadata file missing: every seed needs <name>.meta.json next to it "
                    + "(title, edition, publisher, status, form, sha256)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonParseException e) {
            throw new ParseException(where, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    "metadata is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ParseException(where, 1, "metadata cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ParseException(where, 1, "metadata must be a JSON object");
        }
        String sha = text(root, "sha256", where).toLowerCase();
        if (!SHA256.matcher(sha).matches()) {
            throw new ParseException(where, 1, "metadata field 'sha256' must be 64 hex digits, got '" + sha + "'");
        }
        String status = text(root, "status", where);
        if (!STATUSES.contains(status)) {
            throw new ParseException(where, 1, "metadata field 'status' must be 'draft' or 'final', got '" + status + "'");
        }
        JsonNode edition = root.get("edition");
        if (edition == null || !edition.canConvertToInt() || edition.asInt() < 1900 || edition.asInt() > 2999) {
            throw new ParseException(where, 1, "metadata field 'edition' must be a year such as 2022");
        }
        JsonNode url = root.get("sourceUrl");
        return new DocumentMetadata(text(root, "title", where), edition.asInt(), text(root, "publisher", where),
                status, text(root, "form", where), sha,
                url == null || url.isNull() ? Optional.empty() : Optional.of(url.asText()));
    }

    private static String text(JsonNode root, String field, String where) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new ParseException(where, 1, "metadata field '" + field + "' is missing or empty");
        }
        return n.asText().strip();
    }
}
