// The query editor: YASGUI on this server's endpoint, offline, with hms-kg's prefixes and example queries.
(function () {
    "use strict";
    var root = document.getElementById("hmskg-ui");
    if (!root || typeof Yasgui === "undefined") {
        return;
    }
    var endpoint = new URL(root.dataset.endpoint, window.location.href).href;
    var base = root.dataset.base;
    var vocab = root.dataset.vocab;
    var prefixes = JSON.parse(root.dataset.prefixes);
    var header = Object.keys(prefixes).map(function (p) {
        return "PREFIX " + p + ": <" + prefixes[p] + ">";
    }).join("\n");

    // The autocompleters fetch prefix.cc and LOV; the page must not call other hosts.
    Yasgui.Yasqe.defaults.autocompleters = [];
    Yasgui.Yasqe.defaults.value = header + "\n\nSELECT ?class (COUNT(?thing) AS ?things)\nWHERE {\n  ?thing a ?class .\n}\n"
        + "GROUP BY ?class\nORDER BY DESC(?things)\n";
    Yasgui.Yasr.defaults.prefixes = prefixes;

    var yasgui = new Yasgui(document.getElementById("yasgui"), {
        requestConfig: { endpoint: endpoint, method: "POST" },
        copyEndpointOnNewTab: false,
        persistenceId: "hmskg_" + window.location.host,
        endpointCatalogueOptions: {
            getData: function () {
                return [{ endpoint: endpoint }];
            },
            keys: []
        }
    });
    window.hmskgYasgui = yasgui;

    document.querySelectorAll("a.example").forEach(function (a) {
        a.addEventListener("click", function (e) {
            e.preventDefault();
            var tab = yasgui.getTab();
            tab.setQuery(a.dataset.query);
            tab.query();
        });
    });

    // Result IRIs of this dataset open their page on this server, not on the canonical host.
    function localPath(href) {
        if (href && href.indexOf(vocab) === 0) {
            return "/def#" + href.substring(vocab.length);
        }
        if (href && href.indexOf(base) === 0) {
            return "/" + href.substring(base.length);
        }
        return null;
    }
    document.getElementById("yasgui").addEventListener("click", function (e) {
        var a = e.target.closest ? e.target.closest("a[href]") : null;
        var path = a ? localPath(a.getAttribute("href")) : null;
        if (path) {
            e.preventDefault();
            e.stopPropagation();
            window.location.href = path;
        }
    }, true);
    function relink() {
        document.querySelectorAll("#yasgui .yasr a[href]").forEach(function (a) {
            var path = localPath(a.getAttribute("href"));
            if (path) {
                a.setAttribute("href", path);
                a.removeAttribute("target");
            }
        });
    }
    new MutationObserver(relink).observe(document.getElementById("yasgui"), { childList: true, subtree: true });
}());
