// The words scenarios draw from. Names are common French ones, from birth registers of
// the last decades; accents included, since real people type them.
#include "word_lists.hpp"

#include <array>
#include <cstdio>
#include <string>

namespace rempart::attack {
namespace {

constexpr std::array<std::string_view, 96> firsts{
    "Marie",      "Jean",      "Pierre",    "Michel",  "Philippe",   "Nathalie",  "Isabelle",
    "Sylvie",     "Catherine", "Françoise", "Nicolas", "Christophe", "Stéphane",  "Sébastien",
    "Julien",     "Camille",   "Léa",       "Manon",   "Chloé",      "Emma",      "Inès",
    "Sarah",      "Laura",     "Julie",     "Thomas",  "Lucas",      "Hugo",      "Théo",
    "Mathis",     "Nathan",    "Louis",     "Gabriel", "Raphaël",    "Arthur",    "Jules",
    "Léo",        "Adam",      "Mohamed",   "Yanis",   "Karim",      "Fatima",    "Amina",
    "Yasmine",    "Sofiane",   "Mehdi",     "Nadia",   "Hélène",     "Valérie",   "Sandrine",
    "Céline",     "Aurélie",   "Émilie",    "Élodie",  "Anaïs",      "Océane",    "Clément",
    "Jérôme",     "Frédéric",  "Grégoire",  "Benoît",  "Noël",       "Gaëlle",    "Maëlle",
    "Loïc",       "Joël",      "Zoé",       "Agnès",   "Béatrice",   "Cécile",    "Danièle",
    "Jacqueline", "Monique",   "Bernard",   "Alain",   "Patrick",    "Daniel",    "Gérard",
    "André",      "René",      "Claude",    "Yves",    "Hervé",      "Thierry",   "Éric",
    "Pascal",     "Olivier",   "Vincent",   "Antoine", "Maxime",     "Alexandre", "Quentin",
    "Romain",     "Anne",      "Sophie",    "Claire",  "Lucie"};

constexpr std::array<std::string_view, 100> lasts{
    "Martin",    "Bernard",  "Thomas",   "Petit",    "Robert",   "Richard",   "Durand",
    "Dubois",    "Moreau",   "Laurent",  "Simon",    "Michel",   "Lefèvre",   "Leroy",
    "Roux",      "David",    "Bertrand", "Morel",    "Fournier", "Girard",    "Bonnet",
    "Dupont",    "Lambert",  "Fontaine", "Rousseau", "Vincent",  "Müller",    "Lefebvre",
    "Faure",     "André",    "Mercier",  "Blanc",    "Guérin",   "Boyer",     "Garnier",
    "Chevalier", "François", "Legrand",  "Gauthier", "Garcia",   "Perrin",    "Robin",
    "Clément",   "Morin",    "Nicolas",  "Henry",    "Roussel",  "Mathieu",   "Gautier",
    "Masson",    "Marchand", "Duval",    "Denis",    "Dumont",   "Marie",     "Lemaire",
    "Noël",      "Meyer",    "Dufour",   "Meunier",  "Brun",     "Blanchard", "Giraud",
    "Joly",      "Rivière",  "Lucas",    "Brunet",   "Gaillard", "Barbier",   "Arnaud",
    "Martinez",  "Gérard",   "Roche",    "Renard",   "Schmitt",  "Roy",       "Leroux",
    "Colin",     "Vidal",    "Caron",    "Picard",   "Roger",    "Fabre",     "Aubert",
    "Lemoine",   "Renaud",   "Dumas",    "Lacroix",  "Olivier",  "Philippe",  "Bourgeois",
    "Pierre",    "Benoît",   "Rey",      "Leclerc",  "Payet",    "Rolland",   "Le Gall",
    "N'Diaye",   "Benali"};

constexpr std::array<std::string_view, 6> celebs{
    "Jeff Bezos", "Bill Gates", "Elon Musk", "Mark Zuckerberg", "Emmanuel Macron", "Steve Jobs"};
constexpr std::array<double, 6> celeb_weights{60, 30, 4, 3, 2, 1};

constexpr std::array<std::string_view, 40> comments{
    "Bravo pour cette initiative !",
    "Je signe pour mes enfants.",
    "Il était temps.",
    "Soutien total.",
    "Merci à l'association.",
    "Partagé à toute ma famille.",
    "Vu au journal de 20 h, je signe.",
    "On ne lâche rien !",
    "Enfin quelqu'un qui en parle.",
    "Pour nos commerces de quartier.",
    "Les libraires comptent sur nous.",
    "Je suis commerçante et je soutiens.",
    "Signé et partagé.",
    "Courage à vous.",
    "C'est une question de bon sens.",
    "Pour un Noël plus local.",
    "Je n'achète plus en ligne depuis un an.",
    "Mon fils travaille dans un petit magasin.",
    "Oui, mille fois oui.",
    "Enfin !",
    "Nos villes méritent mieux.",
    "Je relaie sur les réseaux.",
    "Soutien depuis Lyon.",
    "Soutien depuis Marseille.",
    "Soutien depuis Lille.",
    "Soutien depuis la Réunion.",
    "Pensée pour les artisans.",
    "À faire circuler !",
    "Merci pour ce combat.",
    "D'accord avec chaque mot.",
    "Il faut agir maintenant.",
    "Je signe aussi pour ma grand-mère qui n'a pas internet.",
    "Bonne idée, bonne chance.",
    "Un geste simple.",
    "La proximité avant tout.",
    "Très bonne pétition.",
    "Je soutiens sans réserve.",
    "Ça me tient à cœur.",
    "Pour l'emploi local.",
    "Solidarité !"};

constexpr std::array<std::string_view, 14> big_providers{
    "gmail.com",  "orange.fr",  "hotmail.fr",  "free.fr", "yahoo.fr",   "laposte.net", "sfr.fr",
    "outlook.fr", "wanadoo.fr", "hotmail.com", "live.fr", "icloud.com", "neuf.fr",     "bbox.fr"};
constexpr std::array<double, 14> big_provider_weights{38, 12, 10, 8, 6, 5, 4, 4, 3, 2, 2, 2, 1, 1};

constexpr std::array<std::string_view, 48> small_domains{"protonmail.com",
                                                         "gmx.fr",
                                                         "aliceadsl.fr",
                                                         "numericable.fr",
                                                         "club-internet.fr",
                                                         "cegetel.net",
                                                         "noos.fr",
                                                         "aol.com",
                                                         "msn.com",
                                                         "ymail.com",
                                                         "me.com",
                                                         "proton.me",
                                                         "univ-lyon1.fr",
                                                         "etu.univ-nantes.fr",
                                                         "u-bordeaux.fr",
                                                         "ac-rennes.fr",
                                                         "ac-lille.fr",
                                                         "ens.fr",
                                                         "cnrs.fr",
                                                         "inrae.fr",
                                                         "sncf.fr",
                                                         "laposte.fr",
                                                         "ratp.fr",
                                                         "mairie-lorient.fr",
                                                         "ville-grenoble.fr",
                                                         "ccas-brest.fr",
                                                         "amis-de-la-terre.org",
                                                         "attac.org",
                                                         "greenpeace.fr",
                                                         "famille-martin.fr",
                                                         "dupont.name",
                                                         "lefevre.eu",
                                                         "atelier-bois.fr",
                                                         "librairie-passages.fr",
                                                         "boulangerie-roux.fr",
                                                         "cabinet-morel.fr",
                                                         "mailo.com",
                                                         "posteo.de",
                                                         "riseup.net",
                                                         "tutanota.com",
                                                         "zaclys.net",
                                                         "lilo.org",
                                                         "sfr.net",
                                                         "skynet.be",
                                                         "bluewin.ch",
                                                         "videotron.ca",
                                                         "yahoo.com",
                                                         "outlook.com"};

constexpr std::array<std::string_view, 10> throwaways{
    "courriel-rapide.fr", "boitemail.net",   "mailo-express.com", "inbox-flash.net",
    "postebox.org",       "tempo-mail.fr",   "mailzap.net",       "quickpost.email",
    "courrier-eclair.fr", "envoi-direct.net"};

constexpr std::array<std::string_view, 5> catch_alls{
    "relais-mail.fr", "mx-relay.net", "boite-perso.org", "mx-catch.fr", "relais-boite.net"};

constexpr std::array<std::string_view, 8> user_agents{
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
    "like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/119.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0",
    "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/16.6 Mobile/15E148 Safari/604.1"};

// Lowercase ASCII for a mailbox: accents dropped, spaces and apostrophes removed.
std::string ascii_local(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, char>, 16> folds{{
        {"é", 'e'},
        {"è", 'e'},
        {"ê", 'e'},
        {"ë", 'e'},
        {"É", 'e'},
        {"à", 'a'},
        {"â", 'a'},
        {"ï", 'i'},
        {"î", 'i'},
        {"ô", 'o'},
        {"ö", 'o'},
        {"ü", 'u'},
        {"û", 'u'},
        {"ç", 'c'},
        {"ë", 'e'},
        {"Ç", 'c'},
    }};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool folded = false;
        for (const auto& [from, to] : folds) {
            if (text.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                folded = true;
                break;
            }
        }
        if (folded) continue;
        const auto c = static_cast<unsigned char>(text[i++]);
        if (std::isalnum(c))
            out += static_cast<char>(std::tolower(c));
        else if (c == '-')
            out += '-';
    }
    return out;
}

}  // namespace

std::span<const std::string_view> first_names() {
    return firsts;
}
std::span<const std::string_view> last_names() {
    return lasts;
}
std::span<const std::string_view> celebrities() {
    return celebs;
}
std::span<const double> celebrity_weights() {
    return celeb_weights;
}
std::span<const std::string_view> crowd_comments() {
    return comments;
}
std::span<const std::string_view> big_mail_providers() {
    return big_providers;
}
std::span<const double> big_mail_provider_weights() {
    return big_provider_weights;
}
std::span<const std::string_view> small_mail_domains() {
    return small_domains;
}
std::string big_mail_provider(Random& random) {
    return std::string(big_mail_providers()[random.weighted(big_mail_provider_weights())]);
}
std::string crowd_mail_domain(Random& random) {
    if (random.chance(0.85)) return big_mail_provider(random);
    return std::string(random.pick(small_mail_domains()));
}
std::span<const std::string_view> throwaway_domains() {
    return throwaways;
}
std::span<const std::string_view> attacker_catch_all_domains() {
    return catch_alls;
}
std::span<const std::string_view> browser_user_agents() {
    return user_agents;
}

std::string real_looking_name(Random& random) {
    std::string name(random.pick(first_names()));
    if (random.chance(0.05)) name += "-" + std::string(random.pick(first_names()));
    return name + " " + std::string(random.pick(last_names()));
}

std::string mailbox_for(std::string_view name, Random& random) {
    const auto space = name.rfind(' ');
    const auto first = ascii_local(name.substr(0, space));
    const auto last = ascii_local(name.substr(space + 1));
    std::string box;
    switch (random.below(4)) {
        case 0:
            box = first + "." + last;
            break;
        case 1:
            box = first.substr(0, 1) + "." + last;
            break;
        case 2:
            box = first + last;
            break;
        default:
            box = last + "." + first;
            break;
    }
    // Most of us did not get the plain form: a birth year, a postcode, a number.
    if (random.chance(0.7))
        box += std::to_string(random.below(2) ? 60 + random.below(45) : 1 + random.below(999));
    return box;
}

std::string plain_mailbox(std::string_view name) {
    const auto space = name.rfind(' ');
    return ascii_local(name.substr(0, space)) + "." + ascii_local(name.substr(space + 1));
}

std::string random_token(Random& random, std::size_t length) {
    static constexpr std::string_view alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string out;
    for (std::size_t i = 0; i < length; ++i) out += alphabet[random.below(alphabet.size())];
    return out;
}

std::string random_postcode(Random& random) {
    return postcode_in(static_cast<unsigned>(1 + random.below(95)), random);
}

std::string postcode_in(unsigned department, Random& random) {
    char code[8];
    // Corsica's 20xxx codes stop at 206xx.
    const auto commune = random.below(department == 20 ? 60 : 100) * 10;
    std::snprintf(code, sizeof code, "%02u%03zu", department, commune);
    return code;
}

}  // namespace rempart::attack
