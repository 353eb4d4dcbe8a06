// [submissions]: whether the public may propose petitions, and the moderation queue's
// promises.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "petitions/moderation.hpp"

namespace rempart::config {
class File;
}

namespace rempart {

struct SubmissionSettings {
    bool open = false;  // /propose answers only when the association chose to host proposals
    ModerationRules moderation;
    // The automatic checks' flags (never a rejection): this many links or more, and words or
    // phrases moderators want to look at twice.
    std::int64_t links_flagged_from = 3;
    std::vector<std::string> watched_words;
    // The public form says the queue is long from this many proposals waiting.
    std::int64_t long_queue_from = 50;
    // Moderators get one mail a day from this hour (UTC) saying what waits, when anything
    // does; -1: never.
    std::int64_t digest_hour = 7;
    // Supporters who confirm by mail before a proposal reaches the queue, as e-petitions'
    // sponsors do: 0, none.
    std::int64_t supporters_needed = 0;
};

SubmissionSettings read_submission_settings(config::File& file);

}  // namespace rempart
