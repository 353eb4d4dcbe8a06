// The automatic checks a proposed petition gets before a moderator looks at it: each gives a
// visible flag on the moderation queue, never a rejection; no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "petitions/petition.hpp"

namespace rempart {

// A petition proposed on the web, as its author wrote it.
struct ProposalText {
    std::string title;
    std::string summary;
    std::string body_markdown;
    std::string language;  // "fr" or "en": the language the author declared
};

// A petition already on the site, which a proposal may repeat.
struct PublishedText {
    std::int64_t id = 0;
    std::string slug;
    std::string title;
    std::string summary;
    // A proposal much like a rejected or removed petition is worth knowing: the flag says so.
    PetitionState state = PetitionState::published;
};

// When a proposal is flagged; the administrators set them.
struct ProposalCheckRules {
    std::size_t links_flagged_from = 3;      // this many links or more is flagged; 0: never
    std::vector<std::string> watched_words;  // whole words or phrases, compared folded
    double near_duplicate_from = 0.6;        // text_similarity from which a petition is named
    std::size_t near_duplicates_shown = 3;   // the most similar ones only
};

// In the order check_proposal gives its flags.
enum class ProposalFlagKind { links, watched_words, language, near_duplicate };

// "links", "watched_words", "language", "near_duplicate".
std::string_view to_string(ProposalFlagKind kind);

struct ProposalFlag {
    ProposalFlagKind kind;
    // For the moderator: "5 links", "watched words: casino, viagra", "written in en, declared
    // fr", "looks like /petitions/save-the-park (72 %)".
    std::string detail;
    // For pages and the API: the count of links, the list's entries found, the language
    // guessed, the slugs of the near duplicates.
    std::vector<std::string> values;
};

// Links in Markdown, each once: bare http://, https://, www. and mailto: addresses,
// [text](url) links and images, <autolinks>. "[https://a.fr](https://a.fr)" is one.
std::size_t count_links(std::string_view markdown);

// The entries of `watched` that `text` holds as whole words, in the list's order, each once.
// Case, accents and punctuation do not count ("CASINO!" and "casíno" are "casino", "casinos"
// is not); a phrase matches the same words in a row.
std::vector<std::string> watched_words_in(std::string_view text,
                                          const std::vector<std::string>& watched);

// "fr" or "en", from how often each language's commonest words come ("le", "the"...); none
// for a text of fewer than 12 words, with fewer than 3 common words, or where neither
// language has half as many again as the other.
std::optional<std::string> guess_language(std::string_view text);

// From 0 (no word in common) to 1 (the same words): the Jaccard index of the two texts'
// words, folded, without the commonest words of French and English and words of one or two
// letters, compared on their first six letters less a plural's s. Symmetrical; 0 when either
// text has no such word.
double text_similarity(std::string_view a, std::string_view b);

// Every check on `proposal`, at most one flag a kind, in the order of ProposalFlagKind.
// Near duplicates are found among `others` on the title and summary, most similar first
// (ties in the order given), all in one flag.
std::vector<ProposalFlag> check_proposal(const ProposalText& proposal,
                                         const std::vector<PublishedText>& others,
                                         const ProposalCheckRules& rules);

// The flags as the store keeps them: a JSON array of {"kind", "detail", "values"}.
std::string flags_to_json(const std::vector<ProposalFlag>& flags);
// The flags back; what is not a flag of a known kind is left out (an older or damaged row
// shows fewer flags, never an error page).
std::vector<ProposalFlag> flags_from_json(std::string_view json);

}  // namespace rempart
