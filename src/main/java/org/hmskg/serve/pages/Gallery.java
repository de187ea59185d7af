package org.hmskg.serve.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hmskg.query.QueryLibrary;
import org.hmskg.serve.data.Snapshot;

/**
 * The example queries as the landing page and the query editor list them, each with what it needs of the data that
 * this version does or does not hold ({@code # needs:} lines and their checks in {@code queries/needs/}), so that a
 * query that cannot answer here says so beside its title instead of returning nothing.
 */
public final class Gallery {
    private Gallery() {
    }

    /** An example query: its link opens it in the editor, its text is the query. */
    public record Example(String name, String href, String text, String title, String titleJa, String description,
                          List<Need> needs) {
        public Example {
            needs = List.copyOf(needs);
        }

        /** Whether the data served holds all it needs. */
        public boolean answers() {
            return needs.stream().allMatch(Need::met);
        }
    }

    /** What an example needs, said against the data served ("needs several editions of a document: none loaded"). */
    public record Need(String text, boolean met) {
    }

    static List<Example> of(QueryLibrary library, Snapshot snapshot) {
        return library.entries().stream().map(e -> new Example(e.name(),
                "/ui/?query=" + URLEncoder.encode(e.text(), StandardCharsets.UTF_8), e.text(), e.title(), e.titleJa(),
                e.description(), e.needs().stream().map(n -> need(n, snapshot.found(n.check()))).toList())).toList();
    }

    static Need need(QueryLibrary.Need need, long found) {
        return new Need("needs " + need.description() + ": " + (found == 0 ? "none loaded" : found + " " + need.found()),
                found > 0);
    }
}
