// Names the ASes of an incident from the IP-to-AS table, for people who read AS numbers badly.
#include "defence/evidence/organisations.hpp"

#include <map>
#include <set>

namespace rempart::defence::evidence {

void name_autonomous_systems(IncidentRecord& record, const shield::AsnTable& table) {
    std::map<std::int64_t, std::set<std::string>> addresses;
    for (const auto& source : record.sources)
        if (source.asn) addresses[*source.asn].insert(source.ip);
    for (const auto& [asn, ips] : addresses) {
        for (const auto& ip : ips) {
            boost::system::error_code ec;
            const auto address = boost::asio::ip::make_address(ip, ec);
            if (ec) continue;
            const auto found = table.lookup(address);
            if (found && static_cast<std::int64_t>(found->number) == asn) {
                record.as_organisations[asn] = std::string(found->organisation);
                break;
            }
        }
    }
}

}  // namespace rempart::defence::evidence
