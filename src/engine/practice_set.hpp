// A set of practices as a bitset over catalogue indices. Facet filtering and counting are AND/OR and
// popcount over these, which keeps a keystroke cheap even for 100,000 practices.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace procure {

class PracticeSet {
public:
    PracticeSet() = default;
    explicit PracticeSet(std::size_t size, bool all = false) { reset(size, all); }

    void reset(std::size_t size, bool all) {
        size_ = size;
        words_.assign((size + 63) / 64, all ? ~std::uint64_t{0} : 0);
        trim();
    }
    std::size_t size() const { return size_; }
    bool test(std::size_t i) const { return (words_[i / 64] >> (i % 64)) & 1u; }
    void set(std::size_t i) { words_[i / 64] |= std::uint64_t{1} << (i % 64); }

    PracticeSet& operator&=(const PracticeSet& o) {
        for (std::size_t w = 0; w < words_.size(); ++w) words_[w] &= o.words_[w];
        return *this;
    }
    PracticeSet& operator|=(const PracticeSet& o) {
        for (std::size_t w = 0; w < words_.size(); ++w) words_[w] |= o.words_[w];
        return *this;
    }
    std::size_t count() const {
        std::size_t n = 0;
        for (std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
        return n;
    }
    // |a & b| without building the intersection.
    static std::size_t count_and(const PracticeSet& a, const PracticeSet& b) {
        std::size_t n = 0;
        for (std::size_t w = 0; w < a.words_.size(); ++w) n += static_cast<std::size_t>(std::popcount(a.words_[w] & b.words_[w]));
        return n;
    }
    template <typename F>
    void for_each(F&& f) const {
        for (std::size_t w = 0; w < words_.size(); ++w)
            for (std::uint64_t bits = words_[w]; bits; bits &= bits - 1)
                f(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
    }
    std::vector<std::uint64_t>& words() { return words_; }
    const std::vector<std::uint64_t>& words() const { return words_; }

private:
    void trim() {
        if (size_ % 64 && !words_.empty()) words_.back() &= (std::uint64_t{1} << (size_ % 64)) - 1;
    }
    std::size_t size_ = 0;
    std::vector<std::uint64_t> words_;
};

}  // namespace procure
