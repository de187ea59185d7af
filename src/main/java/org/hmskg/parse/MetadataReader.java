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

/**
 * Reads the optional {@code <key>.meta.json} next to a seed. Every field is optional; a field that is given
 * overrides what the parser reads from the text, and a field that is given must be well-formed.
 */
final class MetadataReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> STATUSES = Set.of("draft", "final");

    private MetadataReader() {
    }

    /** The fields a metadata file gives. */
    record Overrides(Optional<String> title, Optional<Integer> edition, Optional<String> publisher,
                     Optional<String> status, Optional<String> form, Optional<String> sha256,
                     Optional<String> sourceUrl, Optional<DocumentKind> kind) {
        static final Overrides NONE = new Overrides(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static Path metadataFile(Path seed) {
        return seed.resolveSibling(SeedParser.documentKey(seed.toString()) + ".meta.json");
    }

    /** The overrides of {@code file}, or none when there is no such file. */
    static Overrides readIfPresent(Path file) {
        return Files.isRegularFile(file) ? read(file) : Overrides.NONE;
    }

    static Overrides read(Path file) {
        String where = file.toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonParseException e) {
            throw new ParseException(where, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    "metadata is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ParseException(where, 1, "metadata cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ParseException(where, 1, "metadata must be a JSON object");
        }
        Optional<String> sha = text(root, "sha256", where).map(String::toLowerCase);
        if (sha.isPresent() && !SHA256.matcher(sha.get()).matches()) {
            throw new ParseException(where, 1, "metadata field 'sha256' must be 64 hex digits, got '" + sha.get() + "'");
        }
        Optional<String> status = text(root, "status", where);
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            throw new ParseException(where, 1, "metadata field 'status' must be 'draft' or 'final', got '"
                    + status.get() + "'");
        }
        Optional<Integer> edition = Optional.empty();
        JsonNode e = root.get("edition");
        if (e != null && !e.isNull()) {
            if (!e.canConvertToInt() || e.asInt() < 1900 || e.asInt() > 2999) {
                throw new ParseException(where, 1, "metadata field 'edition' must be a year such as 2022");
            }
            edition = Optional.of(e.asInt());
        }
        Optional<DocumentKind> kind = Optional.empty();
        Optional<String> kindText = text(root, "kind", where);
        if (kindText.isPresent()) {
            kind = DocumentKind.byLabel(kindText.get());
            if (kind.isEmpty()) {
                throw new ParseException(where, 1, "metadata field 'kind' must be one of follow-up, strategy, "
                        + "rd-plan, other; got '" + kindText.get() + "'");
            }
        }
        return new Overrides(text(root, "title", where), edition, text(root, "publisher", where), status,
                text(root, "form", where), sha, text(root, "sourceUrl", where), kind);
    }

    private static Optional<String> text(JsonNode root, String field, String where) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new ParseException(where, 1, "metadata field '" + field + "' must be a non-empty string");
        }
        return Optional.of(n.asText().strip());
    }
}
