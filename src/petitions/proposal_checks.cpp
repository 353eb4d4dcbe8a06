// The automatic checks a proposed petition gets before a moderator looks at it.
#include "petitions/proposal_checks.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <set>
#include <sstream>
#include <utility>

#include "core/text.hpp"
#include "signatures/text_input.hpp"

namespace rempart {
namespace {

using Words = std::vector<std::string>;

// Fewer words hold too few common ones to tell a language: a title alone is not judged.
constexpr std::size_t min_words_for_language = 12;
// A text of names and figures may hold one or two "de" or "the" and still be in no language.
constexpr std::ptrdiff_t min_common_words = 3;
// Half as many again as the other language: a text quoting the other one is still judged.
constexpr double language_margin = 1.5;
// Shorter words are elisions (l', d', qu') and initials, which say nothing of a subject,
// unless they hold a digit ("5G", "A7").
constexpr std::size_t min_subject_letters = 3;
// A crude stem: most endings of French and English words (cyclable, cyclabilité;
// construire, construction) come after the sixth letter.
constexpr std::size_t stem_letters = 6;

// As folded ("à" is "a", "très" is "tres"), between spaces. Words both languages use ("a",
// "on", "me", "or", "but", "son", "plus", "car") are left out: they would count for both.
constexpr std::string_view french_common_words =
    " le la les de des du un une et est en au aux dans pour par sur avec que qui ne pas nous vous "
    "ils elle sont ce cette ces notre nos leur mais ou donc tres etre comme aussi ";
constexpr std::string_view english_common_words =
    " the and to of is that in it for with this be are was were we you they our their not have "
    "has from by at which will would should can all there been these what who about into than ";

bool among(std::string_view list, const std::string& word) {
    return list.find(" " + word + " ") != std::string_view::npos;
}

// Folded words. Invalid bytes become U+FFFD first: a stray byte costs a word, not the text.
Words words_of(std::string_view text) {
    const auto cleaned = signatures::clean_text(to_valid_utf8(text), SIZE_MAX, true);
    Words words;
    if (!cleaned) return words;
    std::istringstream folded(signatures::normalise_for_comparison(*cleaned));
    for (std::string word; folded >> word;) words.push_back(std::move(word));
    return words;
}

// One text a field, so that a phrase cannot run from the title into the summary.
std::vector<std::string> entries_found(const std::vector<Words>& texts,
                                       const std::vector<std::string>& watched) {
    std::vector<std::string> found;
    std::set<Words> seen;  // "Casino" and "casino" in the list are one entry
    for (const auto& entry : watched) {
        auto phrase = words_of(entry);
        if (phrase.empty() || !seen.insert(phrase).second) continue;
        const auto holds = [&](const Words& in) {
            return std::search(in.begin(), in.end(), phrase.begin(), phrase.end()) != in.end();
        };
        if (std::any_of(texts.begin(), texts.end(), holds)) found.push_back(entry);
    }
    return found;
}

std::string stem(std::string word) {
    if (word.size() > 3 && word.back() == 's') word.pop_back();
    std::size_t letters = 0;
    for (std::size_t i = 0; i < word.size(); ++i)
        if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80 && ++letters > stem_letters)
            return word.substr(0, i);
    return word;
}

// The words that say what a text is about.
std::set<std::string> subject_of(std::string_view text) {
    std::set<std::string> subject;
    for (auto& word : words_of(text)) {
        if (among(french_common_words, word) || among(english_common_words, word)) continue;
        const bool digits = word.find_first_of("0123456789") != std::string::npos;
        if (count_code_points(word) < min_subject_letters && !digits) continue;
        subject.insert(stem(std::move(word)));
    }
    return subject;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() || b.empty()) return 0.0;
    double common = 0;
    for (const auto& key : a) common += b.contains(key) ? 1 : 0;
    return common / (static_cast<double>(a.size() + b.size()) - common);
}

bool alphanumeric(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

constexpr std::string_view link_ends = " \t\r\n<>\"";

// Where <scheme:...> or <name@domain> starting at `open` ends, past its ">"; 0 when it is
// not an autolink (a tag such as <br> is not). Stops at a space: the scan stays linear.
std::size_t autolink_end(std::string_view md, std::size_t open) {
    const auto close = md.find_first_of(link_ends, open + 1);
    if (close == std::string_view::npos || md[close] != '>') return 0;
    const auto inside = md.substr(open + 1, close - open - 1);
    const auto colon = inside.find(':');
    const bool uri = colon >= 2 && colon <= 32 &&
                     std::all_of(inside.begin(), inside.begin() + colon, alphanumeric);
    const auto at = inside.find('@');
    const bool email = at != std::string_view::npos && at > 0 && at + 1 < inside.size();
    return uri || email ? close + 1 : 0;
}

constexpr std::string_view bare_link_starts[] = {"http://", "https://", "www.", "mailto:"};

// Where a bare address starting at `at` ends, or 0. Inside a word ("xhttp://") or with
// nothing after ("see www."), there is none.
std::size_t bare_link_end(std::string_view md, std::size_t at) {
    if (at > 0 && alphanumeric(md[at - 1])) return 0;
    for (const auto start : bare_link_starts) {
        const auto after = at + start.size();
        if (after >= md.size() || !alphanumeric(md[after]) ||
            to_lower_ascii(md.substr(at, start.size())) != start)
            continue;
        return std::min(md.find_first_of(link_ends, after), md.size());
    }
    return 0;
}

// Past the ")" closing the destination of a [text](url) link, or at its line's end.
std::size_t destination_end(std::string_view md, std::size_t open) {
    auto i = open;
    for (int depth = 0; i < md.size() && md[i] != '\n'; i += md[i] == '\\' ? 2 : 1)
        if ((depth += (md[i] == '(') - (md[i] == ')')) == 0) return i + 1;
    return i;
}

}  // namespace

std::string_view to_string(ProposalFlagKind kind) {
    constexpr std::string_view names[] = {"links", "watched_words", "language", "near_duplicate"};
    return names[static_cast<std::size_t>(kind)];
}

// One pass, never going back: a proposal from anyone must not cost quadratic time.
std::size_t count_links(std::string_view md) {
    std::size_t links = 0;
    for (std::size_t i = 0; i < md.size();) {
        // "](" closes a link's text: its destination is skipped so its URL is not counted twice.
        std::size_t end = 0;
        if (md.compare(i, 3, "]()") != 0 && md.compare(i, 2, "](") == 0)
            end = destination_end(md, i + 1);
        else if (md[i] == '<')
            end = autolink_end(md, i);
        if (end == 0) end = bare_link_end(md, i);
        links += end > 0 ? 1 : 0;
        i = std::max(end, i + 1);
    }
    return links;
}

std::vector<std::string> watched_words_in(std::string_view text,
                                          const std::vector<std::string>& watched) {
    return entries_found({words_of(text)}, watched);
}

std::optional<std::string> guess_language(std::string_view text) {
    const auto words = words_of(text);
    if (words.size() < min_words_for_language) return std::nullopt;
    const auto count = [&](std::string_view list) {
        return std::count_if(words.begin(), words.end(),
                             [&](const auto& w) { return among(list, w); });
    };
    const auto french = count(french_common_words);
    const auto english = count(english_common_words);
    const auto clearly_above = [](std::ptrdiff_t winner, std::ptrdiff_t other) {
        return winner >= min_common_words &&
               static_cast<double>(winner) >= language_margin * static_cast<double>(other);
    };
    if (clearly_above(french, english)) return "fr";
    if (clearly_above(english, french)) return "en";
    return std::nullopt;
}

double text_similarity(std::string_view a, std::string_view b) {
    return jaccard(subject_of(a), subject_of(b));
}

std::vector<ProposalFlag> check_proposal(const ProposalText& proposal,
                                         const std::vector<PublishedText>& others,
                                         const ProposalCheckRules& rules) {
    std::vector<ProposalFlag> flags;
    const auto all = proposal.title + "\n\n" + proposal.summary + "\n\n" + proposal.body_markdown;

    const auto links = count_links(all);
    if (rules.links_flagged_from > 0 && links >= rules.links_flagged_from)
        flags.push_back({ProposalFlagKind::links,
                         std::to_string(links) + (links == 1 ? " link" : " links"),
                         {std::to_string(links)}});

    const auto found = entries_found(
        {words_of(proposal.title), words_of(proposal.summary), words_of(proposal.body_markdown)},
        rules.watched_words);
    if (!found.empty()) {
        ProposalFlag flag{ProposalFlagKind::watched_words, "watched words: " + found[0], found};
        for (std::size_t k = 1; k < found.size(); ++k) flag.detail += ", " + found[k];
        flags.push_back(std::move(flag));
    }

    const auto declared = to_lower_ascii(trim(proposal.language));
    if (const auto written = guess_language(all); written && *written != declared)
        flags.push_back({ProposalFlagKind::language,
                         "written in " + *written + ", declared " + declared,
                         {*written}});

    std::vector<std::pair<double, const PublishedText*>> near;
    const auto subject = subject_of(proposal.title + "\n" + proposal.summary);
    for (const auto& other : others)
        if (const auto similarity =
                jaccard(subject, subject_of(other.title + "\n" + other.summary));
            similarity > 0.0 && similarity >= rules.near_duplicate_from)
            near.emplace_back(similarity, &other);
    std::stable_sort(near.begin(), near.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    near.resize(std::min(near.size(), rules.near_duplicates_shown));
    if (near.empty()) return flags;
    ProposalFlag flag{ProposalFlagKind::near_duplicate, "looks like ", {}};
    for (const auto& [similarity, other] : near) {
        const auto state = other->state == PetitionState::published
                               ? std::string()
                               : ", " + std::string(to_string(other->state));
        flag.detail += (flag.values.empty() ? "/petitions/" : ", /petitions/") + other->slug +
                       " (" + std::to_string(std::lround(similarity * 100)) + " %" + state + ")";
        flag.values.push_back(other->slug);
    }
    flags.push_back(std::move(flag));
    return flags;
}

}  // namespace rempart
