// Checks that synthetic catalogues are what the benchmark claims they are: valid for the engine's own
// loader (in one file and split over several), deterministic, in five languages with texts of the
// intended length, and holding the words the workload types. Quick; run by CTest.
//   synthetic_check [--words=DIR]
#include <cstdio>
#include <string>
#include <string_view>

#include "bench_data.hpp"
#include "catalogue_parts.hpp"
#include "engine/query_engine.hpp"
#include "synthetic_catalogue.hpp"
#include "workload.hpp"

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
    std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
    if (!ok) ++failures;
}

std::size_t words_in(std::string_view text) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

// Loads the files of `catalogue` (split `per_file` practices a file) back and compares.
void round_trip(const procure::Catalogue& catalogue, std::size_t per_file, std::size_t expected_files) {
    bench::CatalogueParts parts;
    bool loaded = true;
    for (std::size_t f = 0; f < bench::json_file_count(catalogue, per_file); ++f)
        loaded = parts.add(bench::catalogue_json_file(catalogue, f, per_file)) && loaded;
    const std::string what = std::to_string(catalogue.practices.size()) + " practices in files of " + std::to_string(per_file);
    check(loaded, what + ": every file passes procure::load_catalogue" + (loaded ? "" : " (" + parts.problems().front() + ")"));
    check(parts.files() == expected_files, what + ": " + std::to_string(expected_files) + " files");
    const std::optional<procure::Catalogue> back = parts.take();
    const std::string difference = back ? bench::first_difference(catalogue, *back) : "nothing loaded";
    check(difference.empty(), what + ": loads back unchanged" + (difference.empty() ? "" : " (" + difference + ")"));
}

std::size_t results_for(const procure::QueryEngine& engine, const std::string& text) {
    procure::Query q;
    q.text = text;
    return engine.run(q, {}).items.size();
}

}  // namespace

int main(int argc, char** argv) {
    std::string words_dir = BENCH_WORDS_DIR;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.rfind("--words=", 0) == 0) {
            words_dir = arg.substr(8);
        } else {
            std::fprintf(stderr, "usage: synthetic_check [--words=DIR]\n");
            return 2;
        }
    }
    std::string error;
    const std::optional<std::vector<bench::WordList>> words = bench::read_word_lists(words_dir, error);
    if (!words) {
        std::fprintf(stderr, "synthetic_check: %s\n", error.c_str());
        return 1;
    }
    for (const bench::WordList& list : *words)
        check(list.entries.size() >= 250, list.language + " word list has " + std::to_string(list.entries.size()) + " entries");

    const procure::Catalogue catalogue = bench::make_synthetic_catalogue(1000, *words);
    round_trip(catalogue, bench::kPracticesPerFile, 1);
    round_trip(catalogue, 400, 3);

    const std::string file = bench::catalogue_json_file(catalogue, 0);
    check(bench::catalogue_json_file(bench::make_synthetic_catalogue(1000, *words), 0) == file, "the same seed gives the same file");
    check(bench::catalogue_json_file(bench::make_synthetic_catalogue(1000, *words, bench::kDefaultSeed + 1), 0) != file,
          "another seed gives another file");

    // Lengths near the targets: title 6 words, summary 25, why 90, clauses 3 x 25, evidence 3 x 8.
    double title = 0, summary = 0, why = 0, clause = 0, evidence = 0;
    for (const procure::Practice& p : catalogue.practices) {
        title += static_cast<double>(words_in(p.title));
        summary += static_cast<double>(words_in(p.summary));
        why += static_cast<double>(words_in(p.why));
        for (const std::string& c : p.clauses) clause += static_cast<double>(words_in(c)) / 3;
        for (const std::string& e : p.evidence) evidence += static_cast<double>(words_in(e)) / 3;
    }
    const auto n = static_cast<double>(catalogue.practices.size());
    auto near = [&](double total, double target, const char* field) {
        const double mean = total / n;
        check(mean > 0.8 * target && mean < 1.3 * target, std::string(field) + ": " + std::to_string(mean) + " words on average");
    };
    near(title, 6, "title");
    near(summary, 25, "summary");
    near(why, 90, "why");
    near(clause, 25, "clause");
    near(evidence, 8, "evidence item");

    // Practices cycle en, cs, pl, el, bg: Greek and Cyrillic letters start with these UTF-8 lead bytes.
    const auto has_lead = [](const std::string& s, unsigned char a, unsigned char b) {
        for (char c : s)
            if (static_cast<unsigned char>(c) == a || static_cast<unsigned char>(c) == b) return true;
        return false;
    };
    check(has_lead(catalogue.practices[3].why, 0xCE, 0xCF), "practice 4 is Greek");
    check(has_lead(catalogue.practices[4].why, 0xD0, 0xD1), "practice 5 is Bulgarian");

    // The workload must find what it types, in every script, and nothing for its typo.
    const procure::QueryEngine engine(catalogue);
    for (const char* text : {"encryption", "supplier access", "ασφαλεια", "доставчик", "sifrovani", "bezpieczenstwo danych",
                             "Αξιολόγηση κινδύνου", "\"remote access\"", "\u201Evzd\u00E1len\u00FD p\u0159\u00EDstup\u201C"})
        check(results_for(engine, text) > 0, std::string("\"") + text + "\" finds practices");
    check(results_for(engine, "encrpytion") == 0, "the typo finds nothing");
    check(bench::make_workload().size() >= 50, "the workload has " + std::to_string(bench::make_workload().size()) + " queries");

    std::printf("%s\n", failures ? "synthetic catalogue check FAILED" : "synthetic catalogue check passed");
    return failures ? 1 : 0;
}
