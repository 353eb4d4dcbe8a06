// The signature list for delivery as CSV: what a spreadsheet opens as it is, and what a
// signer's name cannot turn into a formula. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/delivery_repository.hpp"

namespace rempart::admin {

// The column names, in the organiser's language.
struct DeliveryHeadings {
    std::string number, name, postcode, region, comment, date;
};

// UTF-8 with a byte-order mark (the one thing that makes every spreadsheet read accents
// right), CRLF lines, every field quoted (RFC 4180), dates as YYYY-MM-DD (UTC). A field that
// starts with = + - @ or a tab is written after an apostrophe, so that no spreadsheet runs
// it: a name is written by anyone.
std::string delivery_csv(const std::vector<store::DeliveryRow>& rows,
                         const DeliveryHeadings& headings);

// One CSV field, quoted and defused as above.
std::string csv_field(std::string_view text);

}  // namespace rempart::admin
