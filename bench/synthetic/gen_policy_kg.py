#!/usr/bin/env python3
# Copied from the team's shared benchmark harness (/work/shared/bench, 2026-11-26) so that the project needs
# nothing outside itself; hms-kg changes are marked "hms-kg addition" or listed in bench/README.md.
"""Deterministic synthetic "policy knowledge graph" generator (stdlib only).

Shape (resembles a Japanese government policy corpus):
  Document --(pol:hasPart / pol:partOf)--> chapter Section (level 1)
           --> Section (level 2) --> Subsection (level 3, sometimes)
  leaf sections contain Measures (pol:inSection) with
    - rdfs:label @ja (always) and @en (~30 %)
    - pol:description @ja, 100-400 characters of Japanese policy prose
    - pol:responsibleMinistry (1-3 of 15 ministries), pol:programme (1),
      pol:citesLaw (0-3 laws), pol:budget (xsd:decimal, million JPY),
      pol:startDate (xsd:date), pol:targetYear (xsd:gYear), pol:status
    - 0-2 KPIs (pol:kpi) with target/baseline values (xsd:decimal) and units
  plus Ministries (ja/en labels), Programmes (lead ministry, start year,
  total budget) and Laws (e-Gov-style law id, title, law number, date).

The output is a pure function of (--seed, --triples): same arguments, same
bytes.  Entities that the benchmark queries name (measure m0000042,
document d00001, programme p0007, ministry mext, laws 0..399) exist at every
size >= ~5k triples.

Usage:
  gen_policy_kg.py --triples 1000000 --seed 42 --out data/policy-1m.nt
  gen_policy_kg.py --triples 10000 --format ttl --out data/policy-10k.ttl
"""
import argparse
import os
import random
import sys

BASE = "https://example.org/policy/"
POL = BASE + "def#"
ID = BASE + "id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"

PREFIXES = [
    ("pol", POL), ("id", ID), ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", RDFS), ("xsd", XSD), ("dcterms", DCT), ("skos", SKOS),
]

MINISTRIES = [
    # key, ja, en, weight
    ("cao", "内閣府", "Cabinet Office", 10),
    ("cas", "内閣官房", "Cabinet Secretariat", 5),
    ("mhlw", "厚生労働省", "Ministry of Health, Labour and Welfare", 22),
    ("mext", "文部科学省", "Ministry of Education, Culture, Sports, Science and Technology", 16),
    ("meti", "経済産業省", "Ministry of Economy, Trade and Industry", 14),
    ("mof", "財務省", "Ministry of Finance", 3),
    ("mic", "総務省", "Ministry of Internal Affairs and Communications", 5),
    ("maff", "農林水産省", "Ministry of Agriculture, Forestry and Fisheries", 5),
    ("mlit", "国土交通省", "Ministry of Land, Infrastructure, Transport and Tourism", 5),
    ("env", "環境省", "Ministry of the Environment", 4),
    ("mofa", "外務省", "Ministry of Foreign Affairs", 3),
    ("moj", "法務省", "Ministry of Justice", 2),
    ("mod", "防衛省", "Ministry of Defense", 2),
    ("digital", "デジタル庁", "Digital Agency", 6),
    ("cfa", "こども家庭庁", "Children and Families Agency", 4),
]

TOPICS = [
    ("医療提供体制", "the healthcare delivery system"),
    ("地域医療構想", "regional medical care visions"),
    ("創薬エコシステム", "the drug discovery ecosystem"),
    ("創薬ベンチャー", "drug discovery start-ups"),
    ("再生医療等製品", "regenerative medicine products"),
    ("医療DX", "healthcare digital transformation"),
    ("電子カルテ情報の標準化", "standardisation of electronic health records"),
    ("感染症危機管理", "infectious disease crisis management"),
    ("ワクチン開発", "vaccine development"),
    ("ゲノム医療", "genomic medicine"),
    ("がん研究", "cancer research"),
    ("認知症施策", "dementia policy"),
    ("介護人材の確保", "securing the care workforce"),
    ("健康寿命の延伸", "extending healthy life expectancy"),
    ("データヘルス改革", "data health reform"),
    ("ヘルスケア産業", "the healthcare industry"),
    ("医療機器開発", "medical device development"),
    ("臨床研究基盤", "clinical research infrastructure"),
    ("研究人材の育成", "training of researchers"),
    ("医療の国際展開", "international expansion of Japanese healthcare"),
    ("スタートアップ支援", "start-up support"),
    ("AI活用", "use of AI"),
    ("次世代医療基盤", "next-generation medical infrastructure"),
    ("薬事規制", "pharmaceutical regulation"),
    ("医薬品の安定供給", "stable supply of medicines"),
    ("後発医薬品", "generic medicines"),
    ("予防・健康づくり", "prevention and health promotion"),
    ("地域包括ケアシステム", "the community-based integrated care system"),
    ("少子化対策", "measures against the declining birth rate"),
    ("脱炭素社会の実現", "decarbonisation"),
    ("防災・減災", "disaster prevention and mitigation"),
    ("教育のデジタル化", "digitalisation of education"),
    ("半導体産業", "the semiconductor industry"),
    ("量子技術", "quantum technology"),
    ("農林水産業の成長産業化", "growth of agriculture, forestry and fisheries"),
    ("観光立国の推進", "tourism promotion"),
    ("物流の効率化", "logistics efficiency"),
    ("サイバーセキュリティ", "cybersecurity"),
]

ACTORS = ["関係府省", "地方公共団体", "大学・研究機関", "民間企業", "医療機関",
          "国立研究開発法人", "関係学会", "患者団体", "産業界", "国際機関"]
ASPECTS = [("推進", "Promotion of"), ("強化", "Strengthening of"), ("効率化", "Streamlining of"),
           ("高度化", "Advancement of"), ("普及", "Dissemination of"), ("基盤整備", "Infrastructure for"),
           ("質の向上", "Improving the quality of"), ("持続可能性の確保", "Sustainability of"),
           ("国際競争力の強化", "International competitiveness of")]
MEANS = ["研究開発費の重点配分", "規制・制度の見直し", "ガイドラインの策定", "実証事業",
         "補助金による支援", "税制上の措置", "人材育成プログラム", "データ基盤の構築",
         "官民連携の枠組み", "研究拠点の整備", "評価指標の設定", "情報提供体制の充実"]
VERBS = ["推進する", "実施する", "検討する", "整備する", "支援する", "強化する", "拡充する", "促進する"]
KPIS = [("実施率", "%"), ("参加機関数", "機関"), ("承認件数", "件"), ("普及率", "%"),
        ("利用者数", "人"), ("論文数", "本"), ("導入施設数", "施設"), ("研修修了者数", "人")]
DOC_NAMES = ["健康・医療戦略", "医療分野研究開発推進計画", "経済財政運営と改革の基本方針",
             "新しい資本主義のグランドデザイン及び実行計画", "科学技術・イノベーション基本計画",
             "デジタル社会の実現に向けた重点計画", "成長戦略実行計画", "規制改革実施計画",
             "統合イノベーション戦略", "こども未来戦略", "地球温暖化対策計画", "国土強靱化基本計画"]
DOC_TYPES = ["基本計画", "戦略", "実行計画", "方針"]
CHAPTER_TITLES = ["基本的な考え方", "現状と課題", "重点的に取り組むべき施策", "推進体制",
                  "成果目標", "研究開発の推進", "環境整備", "人材の確保・育成", "国際連携", "フォローアップ"]
STATUSES = ["planned", "ongoing", "ongoing", "ongoing", "completed", "under-review"]
KANJI_NUM = "〇一二三四五六七八九"
LAW_SUBJECTS = ["医療法", "医薬品、医療機器等の品質、有効性及び安全性の確保等に関する法律",
                "健康増進法", "感染症の予防及び感染症の患者に対する医療に関する法律",
                "次世代医療基盤法", "がん対策基本法", "介護保険法", "個人情報の保護に関する法律",
                "科学技術・イノベーション基本法", "デジタル社会形成基本法", "再生医療等の安全性の確保等に関する法律",
                "臨床研究法", "健康・医療戦略推進法", "国立研究開発法人日本医療研究開発機構法",
                "地球温暖化対策の推進に関する法律", "こども基本法", "サイバーセキュリティ基本法",
                "食料・農業・農村基本法", "観光立国推進基本法", "物資の流通の効率化に関する法律"]


def kanji_number(n):
    """Small integer -> kanji numeral (1..999), good enough for law numbers."""
    if n == 0:
        return KANJI_NUM[0]
    out = ""
    h, rest = divmod(n, 100)
    t, o = divmod(rest, 10)
    if h:
        out += ("" if h == 1 else KANJI_NUM[h]) + "百"
    if t:
        out += ("" if t == 1 else KANJI_NUM[t]) + "十"
    if o:
        out += KANJI_NUM[o]
    return out


def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


class Writer:
    def __init__(self, fh, fmt):
        self.fh = fh
        self.fmt = fmt
        self.n = 0
        self.buf = []
        if fmt == "ttl":
            for p, ns in PREFIXES:
                self.buf.append(f"@prefix {p}: <{ns}> .\n")
            self.buf.append("\n")

    def iri(self, full):
        if self.fmt == "ttl":
            for p, ns in (("id", ID), ("pol", POL)):
                if full.startswith(ns):
                    local = full[len(ns):]
                    # keep it simple: only emit prefixed names for safe local names
                    if local.replace("/", "").replace("-", "").replace("_", "").isalnum() and "/" not in local:
                        return f"{p}:{local}"
        return f"<{full}>"

    def t(self, s, p, o):
        """o must be an already-serialised term."""
        self.buf.append(f"{self.iri(s)} {self.iri(p)} {o} .\n")
        self.n += 1
        if len(self.buf) >= 20000:
            self.flush()

    def flush(self):
        self.fh.write("".join(self.buf))
        self.buf = []


def lit(s, lang=None, dt=None):
    if lang:
        return f'"{esc(s)}"@{lang}'
    if dt:
        return f'"{esc(s)}"^^<{XSD}{dt}>'
    return f'"{esc(s)}"'


def ires(kind, key):
    return f"{ID}{kind}/{key}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, required=True, help="target triple count (output stops after the document that reaches it)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--format", choices=["nt", "ttl"], default=None, help="default: from --out extension, else nt")
    ap.add_argument("--out", default="-")
    a = ap.parse_args()
    fmt = a.format or ("ttl" if a.out.endswith(".ttl") else "nt")
    rng = random.Random(a.seed)
    target = a.triples
    est_measures = max(400, target // 19)

    fh = sys.stdout if a.out == "-" else open(a.out + ".tmp", "w", encoding="utf-8", newline="\n")
    w = Writer(fh, fmt)
    T = lambda x: f"<{x}>"

    # ---- ministries (fixed) ----
    min_keys, min_weights = [], []
    for key, ja, en, wt in MINISTRIES:
        m = ires("ministry", key)
        w.t(m, RDF_TYPE, T(POL + "Ministry"))
        w.t(m, RDFS + "label", lit(ja, "ja"))
        w.t(m, RDFS + "label", lit(en, "en"))
        w.t(m, SKOS + "notation", lit(key.upper()))
        min_keys.append(key)
        min_weights.append(wt)

    def pick_ministry():
        return rng.choices(min_keys, weights=min_weights)[0]

    # ---- laws: 400 fixed (ids are index-based so queries can name them), more at large sizes ----
    n_laws = max(400, est_measures // 250)
    law_iris = []
    eras = [("昭和", 3), ("平成", 4), ("令和", 5)]
    for i in range(n_laws):
        law_id = f"{eras[i % 3][1]}{(i * 7) % 60 + 1:02d}AC{i * 37 + 100:010d}"
        law = ires("law", law_id)
        law_iris.append(law)
        era, _ = eras[i % 3]
        year = (i * 7) % 60 + 1 if era != "令和" else (i % 6) + 1
        subj = LAW_SUBJECTS[i % len(LAW_SUBJECTS)]
        title = subj if i < len(LAW_SUBJECTS) else f"{subj}の一部を改正する法律（{era}{kanji_number(year)}年）"
        w.t(law, RDF_TYPE, T(POL + "Law"))
        w.t(law, DCT + "title", lit(title, "ja"))
        w.t(law, POL + "lawId", lit(law_id))
        w.t(law, POL + "lawNumber", lit(f"{era}{kanji_number(year)}年法律第{kanji_number(i % 150 + 1)}号"))
        w.t(law, DCT + "issued", lit(f"{1930 + (i * 13) % 94:04d}-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}", dt="date"))
        w.t(law, POL + "competentMinistry", T(ires("ministry", pick_ministry())))

    # ---- programmes ----
    n_prog = max(20, est_measures // 150)
    prog_iris = []
    for i in range(1, n_prog + 1):
        p = ires("programme", f"p{i:04d}")
        prog_iris.append(p)
        topic, topic_en = TOPICS[(i * 5) % len(TOPICS)]
        lead = "mext" if i % 6 == 1 else pick_ministry()
        w.t(p, RDF_TYPE, T(POL + "Programme"))
        w.t(p, RDFS + "label", lit(f"{topic}推進プログラム（{i}）", "ja"))
        w.t(p, RDFS + "label", lit(f"Programme for {topic_en} ({i})", "en"))
        w.t(p, POL + "leadMinistry", T(ires("ministry", lead)))
        w.t(p, POL + "startYear", lit(str(2015 + i % 12), dt="gYear"))
        w.t(p, POL + "budgetTotal", lit(str(rng.randrange(100, 500000) * 10), dt="decimal"))

    def sentence(topic):
        k = rng.randrange(5)
        if k == 0:
            return f"{topic}に関し、{rng.choice(ACTORS)}と連携して{rng.choice(MEANS)}を{rng.choice(VERBS)}。"
        if k == 1:
            return f"{topic}の{rng.choice(ASPECTS)[0]}を図るため、{rng.choice(MEANS)}を{rng.choice(VERBS)}。"
        if k == 2:
            kpi = rng.choice(KPIS)
            return (f"令和{kanji_number(rng.randrange(6, 13))}年度までに{kpi[0]}を"
                    f"{rng.randrange(10, 100)}{kpi[1]}とすることを目指し、{rng.choice(MEANS)}を{rng.choice(VERBS)}。")
        if k == 3:
            return f"また、{topic}については、{rng.choice(ASPECTS)[0]}の観点から{rng.choice(ACTORS)}における取組を{rng.choice(VERBS)}。"
        return f"さらに、{rng.choice(ACTORS)}による{topic}の{rng.choice(ASPECTS)[0]}に向けて、{rng.choice(MEANS)}の在り方を{rng.choice(VERBS)}。"

    def description(main_topic):
        want = rng.randrange(100, 401)
        out = ""
        first = True
        while len(out) < want:
            topic = main_topic if first or rng.random() < 0.4 else rng.choice(TOPICS)[0]
            first = False
            out += sentence(topic)
        if len(out) > 400:
            out = out[:399] + "。"
        return out

    # ---- documents / sections / measures ----
    m_no = 0
    sec_no = 0
    kpi_no = 0
    d_no = 0
    while w.n < target:
        d_no += 1
        doc = ires("document", f"d{d_no:05d}")
        year = 2013 + d_no % 13
        name = DOC_NAMES[d_no % len(DOC_NAMES)]
        doc_min = pick_ministry()
        w.t(doc, RDF_TYPE, T(POL + "Document"))
        w.t(doc, DCT + "title", lit(f"{name}（{year}年版・第{d_no}号）", "ja"))
        w.t(doc, DCT + "issued", lit(f"{year:04d}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", dt="date"))
        w.t(doc, POL + "issuedBy", T(ires("ministry", doc_min)))
        w.t(doc, POL + "documentType", lit(rng.choice(DOC_TYPES), "ja"))
        w.t(doc, DCT + "identifier", lit(f"DOC-{year}-{d_no:05d}"))

        def section(parent, level, label, number, order):
            nonlocal sec_no
            sec_no += 1
            s = ires("section", f"s{sec_no:07d}")
            w.t(s, RDF_TYPE, T(POL + "Section"))
            w.t(s, POL + "partOf", T(parent))
            w.t(parent, POL + "hasPart", T(s))
            w.t(s, RDFS + "label", lit(label, "ja"))
            w.t(s, POL + "sectionNumber", lit(number))
            w.t(s, POL + "level", lit(str(level), dt="integer"))
            w.t(s, POL + "order", lit(str(order), dt="integer"))
            return s

        def measures(sec, n):
            nonlocal m_no, kpi_no
            for _ in range(n):
                m_no += 1
                m = ires("measure", f"m{m_no:07d}")
                topic, topic_en = rng.choice(TOPICS)
                aspect, aspect_en = rng.choice(ASPECTS)
                w.t(m, RDF_TYPE, T(POL + "Measure"))
                w.t(m, RDFS + "label", lit(f"{topic}の{aspect}", "ja"))
                if rng.random() < 0.3:
                    w.t(m, RDFS + "label", lit(f"{aspect_en} {topic_en}", "en"))
                w.t(m, POL + "description", lit(description(topic), "ja"))
                w.t(m, POL + "inSection", T(sec))
                mins = {pick_ministry() for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))}
                for k in sorted(mins):
                    w.t(m, POL + "responsibleMinistry", T(ires("ministry", k)))
                w.t(m, POL + "programme", T(prog_iris[rng.randrange(len(prog_iris))]))
                cited = {int(rng.paretovariate(1.2)) % len(law_iris) for _ in range(rng.choice((0, 1, 1, 2, 3)))}
                for li in sorted(cited):
                    w.t(m, POL + "citesLaw", T(law_iris[li]))
                w.t(m, POL + "budget", lit(f"{rng.randrange(1, 2000000) / 10:.1f}", dt="decimal"))
                sy = rng.randrange(2015, 2031)
                w.t(m, POL + "startDate", lit(f"{sy:04d}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}", dt="date"))
                w.t(m, POL + "targetYear", lit(str(sy + rng.randrange(1, 8)), dt="gYear"))
                w.t(m, POL + "status", T(POL + "status-" + rng.choice(STATUSES)))
                for _ in range(rng.choice((0, 1, 1, 2))):
                    kpi_no += 1
                    kname, unit = rng.choice(KPIS)
                    k = ires("kpi", f"k{kpi_no:07d}")
                    w.t(m, POL + "kpi", T(k))
                    w.t(k, RDF_TYPE, T(POL + "KPI"))
                    w.t(k, RDFS + "label", lit(f"{topic}に係る{kname}", "ja"))
                    base = rng.randrange(0, 500)
                    w.t(k, POL + "baselineValue", lit(str(base), dt="decimal"))
                    w.t(k, POL + "targetValue", lit(str(base + rng.randrange(1, 500)), dt="decimal"))
                    w.t(k, POL + "unit", lit(unit, "ja"))

        for c in range(1, rng.randrange(3, 9)):
            ch = section(doc, 1, f"第{kanji_number(c)}章　{rng.choice(CHAPTER_TITLES)}", f"{c}", c)
            for s in range(1, rng.randrange(3, 6)):
                sec = section(ch, 2, f"{rng.choice(TOPICS)[0]}の{rng.choice(ASPECTS)[0]}", f"{c}.{s}", s)
                n_sub = rng.choice((0, 0, 2, 3))
                if n_sub == 0:
                    measures(sec, rng.randrange(2, 11))
                else:
                    for u in range(1, n_sub + 1):
                        sub = section(sec, 3, f"（{u}）{rng.choice(TOPICS)[0]}", f"{c}.{s}.{u}", u)
                        measures(sub, rng.randrange(2, 8))
    w.flush()
    if fh is not sys.stdout:
        fh.close()
        os.replace(a.out + ".tmp", a.out)
    print(f"wrote {w.n} triples ({d_no} documents, {sec_no} sections, {m_no} measures, "
          f"{kpi_no} KPIs, {len(prog_iris)} programmes, {len(law_iris)} laws) seed={a.seed} format={fmt}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
