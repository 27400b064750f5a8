#!/usr/bin/env python3
"""Writes the corpus of broken catalogues, one distinct fault each, from ../minimal-catalogue.json,
and ../broken-expected.json: for each file, the JSON Pointer and the words the loader's problem must contain.
Run it again after changing the minimal catalogue; tests/engine/broken_catalogues_test.cpp reads the result."""
import copy, json, os

here = os.path.dirname(os.path.abspath(__file__))
base = json.load(open(os.path.join(here, "..", "minimal-catalogue.json")))
expected = {}

def write(name, data, pointer, message):
    path = os.path.join(here, name + ".json")
    if isinstance(data, (dict, list)):
        data = json.dumps(data, indent=2, ensure_ascii=False).encode()
    elif isinstance(data, str):
        data = data.encode()
    open(path, "wb").write(data)
    expected[name + ".json"] = {"pointer": pointer, "message": message}

def variant(name, change, pointer, message):
    c = copy.deepcopy(base)
    change(c)
    write(name, c, pointer, message)

text = json.dumps(base, indent=2)
# Syntax: drop the comma after "version" (line 4), so line 5 starts with an unexpected string.
broken = text.replace('"version": "1.0.0",', '"version": "1.0.0"', 1)
write("syntax-missing-comma", broken, "", "JSON syntax error at line 5, column 12")
write("syntax-trailing-garbage", text + "\n}", "", "JSON syntax error at line %d, column 1" % (text.count("\n") + 2))
write("empty-file", "", "", "the file is empty")
write("top-level-array", [base], "", "expected an object, found a list")
write("byte-order-mark", b"\xef\xbb\xbf" + text.encode(), "", "byte-order mark")
write("invalid-utf8", text.replace("First practice", "First \udcff practice").encode("utf-8", "surrogateescape"), "",
      "ill-formed UTF-8")
def deep(c):
    v = "bottom"
    for _ in range(40):
        v = [v]
    c["practices"][0]["evidence"] = v
variant("deep-nesting", deep, "/practices/0/evidence" + "/0" * 13, "nesting is deeper than 16 levels")
variant("huge-string", lambda c: c["practices"][0].__setitem__("why", "x" * 20000), "/practices/0/why",
        "text is 20000 bytes long; the limit is 16384")
variant("too-many-items", lambda c: c["asset_types"][0].__setitem__("examples", ["e"] * 5001),
        "/asset_types/0/examples/5000", "more than 5000 entries")
variant("future-schema-version", lambda c: c.__setitem__("schema_version", 2), "/schema_version",
        "newer than version 1")
variant("missing-schema-version", lambda c: c.pop("schema_version"), "/schema_version",
        "required field \"schema_version\" is missing")
variant("number-as-text", lambda c: c["practices"][0].__setitem__("number", "one"), "/practices/0/number",
        "expected a whole number, found text")
variant("negative-number", lambda c: c["practices"][1].__setitem__("number", -2), "/practices/1/number",
        "must be between 1 and 9999")
variant("clauses-not-a-list", lambda c: c["practices"][0].__setitem__("clauses", "The Supplier shall."),
        "/practices/0/clauses", "expected a list, found text")
variant("unknown-phase", lambda c: c["practices"][1].__setitem__("phase", "operate"), "/practices/1/phase",
        "unknown phase \"operate\"; known: plan, manage")
variant("unknown-asset", lambda c: c["practices"][0]["assets"].append({"id": "robots", "provenance": "editorial"}),
        "/practices/0/assets/1/id", "unknown type of procurement \"robots\"")
variant("unknown-threat", lambda c: c["practices"][1]["threats"].__setitem__(0, {"id": "aliens", "provenance": "editorial"}),
        "/practices/1/threats/0/id", "unknown threat \"aliens\"")
variant("unknown-reference", lambda c: c["practices"][0]["references"].append("hipaa"), "/practices/0/references/1",
        "unknown reference \"hipaa\"")
variant("scenario-unknown-asset", lambda c: c["scenarios"][0]["filters"].__setitem__("assets", ["cloud", "mainframes"]),
        "/scenarios/0/filters/assets/1", "unknown type of procurement \"mainframes\"")
variant("scenario-empty-filters", lambda c: c["scenarios"][0].__setitem__("filters", {}), "/scenarios/0/filters",
        "must select at least one")
variant("duplicate-practice-id", lambda c: c["practices"][1].__setitem__("id", "first"), "/practices/1/id",
        "duplicate id \"first\" in practices")
variant("duplicate-practice-number", lambda c: c["practices"][1].__setitem__("number", 1), "/practices/1/number",
        "practice number 1 is used twice")
variant("duplicate-asset-link", lambda c: c["practices"][0]["assets"].append({"id": "devices", "provenance": "editorial"}),
        "/practices/0/assets/1/id", "\"devices\" is listed twice")
write("duplicate-key", text.replace('"title": "First practice",', '"title": "First practice",\n      "title": "Again",', 1),
      "/practices/0/title", "the key \"title\" appears twice")
variant("blank-title", lambda c: c["practices"][0].__setitem__("title", "   "), "/practices/0/title", "must not be empty")
variant("missing-summary", lambda c: c["practices"][1].pop("summary"), "/practices/1/summary",
        "required field \"summary\" is missing")
variant("misspelt-field", lambda c: c["practices"][1].__setitem__("sumary", "typo"), "/practices/1/sumary",
        "unknown field \"sumary\"")
variant("no-clauses", lambda c: c["practices"][1].__setitem__("clauses", []), "/practices/1/clauses",
        "needs at least 1 entry")
variant("no-practices", lambda c: c.__setitem__("practices", []), "/practices", "needs at least 1 entry")
variant("unknown-provenance", lambda c: c["practices"][0]["threats"][0].__setitem__("provenance", "guess"),
        "/practices/0/threats/0/provenance", "unknown provenance \"guess\"")
variant("script-url", lambda c: c["references"][0].__setitem__("url", "javascript:alert(1)"), "/references/0/url",
        "must be a web address")
variant("invalid-id", lambda c: c["practices"][0].__setitem__("id", "First Practice!"), "/practices/0/id",
        "is not a valid id")
variant("invalid-date", lambda c: c["metadata"]["source"].__setitem__("date", "2020-13-45"), "/metadata/source/date",
        "is not a date in the form YYYY-MM-DD")
variant("unknown-reference-kind", lambda c: c["references"][0].__setitem__("kind", "rumour"), "/references/0/kind",
        "unknown kind \"rumour\"")

json.dump(expected, open(os.path.join(here, "..", "broken-expected.json"), "w"), indent=2, sort_keys=True)
print(len(expected), "broken catalogues written")
