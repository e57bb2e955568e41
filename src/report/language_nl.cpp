// The Dutch translation table of the reports (see include/ketennet/report/language.hpp), and
// the report's own texts by key. Terms of the justice domain as the Inspectie JenV and the
// chain partners use them: zaak, schakel (a stage of a chain), ketenpartner, doorlooptijd,
// instroom, uitstroom, doorstroom, overdracht, samenwerking, veerkracht, lerend vermogen.
#include "language_tables.hpp"

namespace ketennet::report::internal {

const std::vector<ReportText>& report_texts() {
    static const std::vector<ReportText> t{
        // headings and the description of the network
        {"heading.report", "ketennet report: {name}"},
        {"heading.unnamed", "(unnamed network)"},
        {"heading.goal", "{dutch} ({english})"},
        {"heading.flow_per_stage", "Doorstroom per schakel (flow per stage): {chain}"},
        {"heading.figures", "Figuren (figures)"},
        {"heading.robustness", "Robustheid (robustness under removal)"},
        {"meta.sizes", "{organisations} organisations, {relations} relations"},
        {"meta.period", "; period {period}"},
        {"meta.layers", "; layers: {layers}"},
        {"meta.none", "none"},
        {"meta.layer", "{layer} ({kind}, {directed})"},
        {"meta.directed", "directed"},
        {"meta.undirected", "undirected"},
        {"meta.generated", "Generated {date} by ketennet."},
        {"meta.chains", "chains: {chains}"},
        {"meta.chains_html", "Chains: "},
        {"kind.case", "case"},
        {"kind.information", "information"},
        {"kind.tie", "tie"},
        // goals
        {"goal.resilience", "Resilience"},
        {"goal.learning", "Learning capacity"},
        {"goal.effectiveness", "Effective chains and networks"},
        {"goal.citizen", "Citizen perspective"},
        // scopes
        {"scope.network", "network"},
        {"scope.layer", "layer"},
        {"scope.chain", "chain"},
        {"scope.sector", "sector"},
        {"scope.organisation", "organisation"},
        // rows
        {"row.higher", "(higher is better)"},
        {"row.lower", "(lower is better)"},
        {"row.higher_html", "higher is better"},
        {"row.lower_html", "lower is better"},
        {"row.as_above", "(as above)"},
        {"row.layers", "layers: {layers}"},
        {"row.hidden_sectors", "{indicator} not computable for sector(s) {sectors}: see the table's notes"},
        {"value.missing", "n/a"},
        // table columns of the HTML report
        {"column.indicator", "Indicator"},
        {"column.subject", "Subject"},
        {"column.value", "Value"},
        {"column.meaning", "Meaning"},
        {"column.source", "Source"},
        {"column.stage", "Stage"},
        // the flow per stage
        {"stage.stage", "stage"},
        {"stage.stage inflow", "stage inflow"},
        {"stage.flows on", "flows on"},
        {"stage.sent back", "sent back"},
        {"stage.leaves the chain", "leaves the chain"},
        {"stage.ends in stage", "ends in stage"},
        {"stage.attrition", "attrition"},
        {"stage.basis",
         "{unit}, from the volumes of layer(s) {layers}; the first stage's inflow is what enters "
         "the chain there; 'ends in stage' is inflow minus all outflow (negative when figures of "
         "different years do not balance); attrition = 1 - flows on / inflow"},
        // figures
        {"figure.network", "The network (colour and marker: sector; line style: layer; width: volume)"},
        {"figure.brokers", "Brokers: betweenness (all layers)"},
        {"figure.betweenness", "betweenness"},
        {"figure.chain_stages", "Chain {chain}: stages and relations"},
        {"figure.chain_volumes", "Chain {chain}: volumes per stage"},
        {"figure.random_removal", "random removal"},
        {"figure.targeted", "targeted: {strategy}, recomputed"},
        {"figure.largest_share", "share in the largest component"},
        {"figure.removed", "organisations removed"},
        {"figure.robustness_note",
         "Share of organisations in the largest connected component while organisations are "
         "removed one by one, at random (mean and 10-90% band over the runs) and by a targeted "
         "attack; R is the mean over all steps. Schneider et al. (2011)."},
        {"figure.networks", "networks"},
        {"figure.median", "median {value}"},
        {"figure.not_computable", "{name} (not computable)"},
        {"figure.sorted", "{n} {what}, sorted"},
        {"figure.items_per_period", "items per period"},
        {"figure.median_line", "median"},
        {"figure.metric_of", "{metric} of {fixed}"},
        {"figure.metric_in", "{metric} in {fixed}"},
        {"figure.one_line_per", "{what}: one line per {by}"},
        {"scope.unit", "unit"},
        {"figure.volumes_per_stage", "{chain}: volumes per stage"},
        // the command line
        {"cli.html_written", "HTML report written to {path}"},
        // disclosure control
        {"disclosure.heading", "Disclosure control"},
        {"disclosure.unprotected",
         "Unprotected output: counts are shown as computed, however small. Do not publish it; use "
         "--min-count (ketennet report) or min_count= to protect it."},
        {"disclosure.protected",
         "Protected for publication: counts of 1 to {below} are suppressed (shown as n/a), with "
         "further counts suppressed where a total would reveal them; {rounding}."},
        {"disclosure.rounded", "remaining counts are rounded to a multiple of {round_to}"},
        {"disclosure.not_rounded", "remaining counts are not rounded"},
        {"disclosure.suppressed_note", "suppressed: fewer than {min_count} cases"},
        {"disclosure.suppressed_basis", "suppressed: computed from fewer than {min_count} cases"},
        {"figure.period", "period"},
    };
    return t;
}

// The phrases: an English text with placeholders and its Dutch translation. A text is
// translated by the first phrase that matches it whole, so specific phrases come before
// general ones; "{x:t}" holds a text that is translated in turn.
const std::vector<Phrase>& dutch_phrases() {
    static const std::vector<Phrase> p{
        // ------------------------------------------------------------ report texts
        {"ketennet report: {name}", "ketennet-rapport: {name}"},
        {"Disclosure control", "Statistische beveiliging"},
        {"Unprotected output: counts are shown as computed, however small. Do not publish it; use "
         "--min-count (ketennet report) or min_count= to protect it.",
         "Onbeveiligde uitvoer: aantallen staan er zoals berekend, hoe klein ook. Publiceer dit "
         "niet; beveilig het met --min-count (ketennet report) of min_count=."},
        {"Protected for publication: counts of 1 to {below} are suppressed (shown as n/a), with "
         "further counts suppressed where a total would reveal them; {rounding}.",
         "Beveiligd voor publicatie: aantallen van 1 tot en met {below} zijn onderdrukt (getoond "
         "als n.b.), en verdere aantallen ook waar een totaal ze zou onthullen; {rounding}.", true},
        {"remaining counts are rounded to a multiple of {round_to}",
         "de overige aantallen zijn afgerond op een veelvoud van {round_to}"},
        {"remaining counts are not rounded", "de overige aantallen zijn niet afgerond"},
        {"suppressed: fewer than {min_count} cases", "onderdrukt: minder dan {min_count} zaken"},
        {"suppressed: computed from fewer than {min_count} cases",
         "onderdrukt: berekend uit minder dan {min_count} zaken"},
        {"computed with missing dyads: {what:t}; missing ties count as absent",
         "berekend met ontbrekende dyaden: {what}; ontbrekende relaties tellen als afwezig"},
        {"layer '{layer}' has {n} missing dyad of {total} (response rate {rate})",
         "laag '{layer}' heeft {n} ontbrekende dyade van {total} (respons {rate})"},
        {"layer '{layer}' has {n} missing dyads of {total} (response rate {rate})",
         "laag '{layer}' heeft {n} ontbrekende dyaden van {total} (respons {rate})"},
        {"layer '{layer}' has {n} missing dyad of {total} (blank cells)",
         "laag '{layer}' heeft {n} ontbrekende dyade van {total} (lege cellen)"},
        {"layer '{layer}' has {n} missing dyads of {total} (blank cells)",
         "laag '{layer}' heeft {n} ontbrekende dyaden van {total} (lege cellen)"},
        {"(unnamed network)", "(naamloos netwerk)"},
        {"{dutch} ({english})", "{dutch}", true},
        {"Doorstroom per schakel (flow per stage): {chain}", "Doorstroom per schakel: {chain}"},
        {"Figuren (figures)", "Figuren"},
        {"Robustheid (robustness under removal)", "Robuustheid bij uitval"},
        {"{organisations} organisations, {relations} relations",
         "{organisations} organisaties, {relations} relaties", true},
        {"; period {period}", "; periode {period}"},
        {"; layers: {layers}", "; lagen: {layers}"},
        {"none", "geen"},
        {"{layer} ({kind}, {directed})", "{layer} ({kind}, {directed})", true},
        {"directed", "gericht"},
        {"undirected", "ongericht"},
        {"Generated {date} by ketennet.", "Gemaakt op {date} door ketennet."},
        {"chains: {chains}", "ketens: {chains}"},
        {"Chains: ", "Ketens: "},
        {"case", "zaakstroom"},
        {"information", "informatie"},
        {"tie", "samenwerking"},
        {"Resilience", "Veerkracht en weerbaarheid"},
        {"Learning capacity", "Lerend vermogen"},
        {"Effective chains and networks", "Effectieve ketens en netwerken"},
        {"Citizen perspective", "Burgerperspectief"},
        {"network", "netwerk"},
        {"layer", "laag"},
        {"chain", "keten"},
        {"sector", "sector"},
        {"organisation", "organisatie"},
        {"(higher is better)", "(hoger is beter)"},
        {"(lower is better)", "(lager is beter)"},
        {"higher is better", "hoger is beter"},
        {"lower is better", "lager is beter"},
        {"(as above)", "(zie boven)"},
        {"layers: {layers}", "lagen: {layers}"},
        {"{indicator} not computable for sector(s) {sectors}: see the table's notes",
         "{indicator} niet te berekenen voor sector(en) {sectors}: zie de toelichting in de tabel"},
        {"n/a", "n.b."},
        {"Indicator", "Indicator"},
        {"Subject", "Onderwerp"},
        {"Value", "Waarde"},
        {"Meaning", "Betekenis"},
        {"Source", "Bron"},
        {"Stage", "Schakel"},
        {"stage", "schakel"},
        {"stage inflow", "instroom"},
        {"flows on", "stroomt door"},
        {"sent back", "teruggestuurd"},
        {"leaves the chain", "verlaat de keten"},
        {"ends in stage", "eindigt hier"},
        {"attrition", "uitval"},
        {"{unit}, from the volumes of layer(s) {layers}; the first stage's inflow is what enters "
         "the chain there; 'ends in stage' is inflow minus all outflow (negative when figures of "
         "different years do not balance); attrition = 1 - flows on / inflow",
         "{unit}, uit de volumes van laag/lagen {layers}; de instroom van de eerste schakel is wat "
         "daar de keten binnenkomt; 'eindigt hier' is de instroom min alle uitstroom (negatief "
         "wanneer cijfers van verschillende jaren niet sluiten); uitval = 1 - stroomt door / "
         "instroom"},
        {"The network (colour and marker: sector; line style: layer; width: volume)",
         "Het netwerk (kleur en symbool: sector; lijnstijl: laag; dikte: volume)"},
        {"Brokers: betweenness (all layers)", "Makelaars: tussenpositie (alle lagen)"},
        {"betweenness", "tussenpositie"},
        {"Chain {chain}: stages and relations", "Keten {chain}: schakels en relaties"},
        {"Chain {chain}: volumes per stage", "Keten {chain}: volumes per schakel"},
        {"random removal", "willekeurige uitval"},
        {"targeted: {strategy}, recomputed", "gericht: {strategy}, telkens herberekend", true},
        {"degree", "aantal relaties"},
        {"share in the largest component", "aandeel in de grootste component"},
        {"organisations removed", "weggevallen organisaties"},
        {"Share of organisations in the largest connected component while organisations are "
         "removed one by one, at random (mean and 10-90% band over the runs) and by a targeted "
         "attack; R is the mean over all steps. Schneider et al. (2011).",
         "Aandeel van de organisaties in de grootste samenhangende component terwijl organisaties "
         "een voor een wegvallen, willekeurig (gemiddelde en 10-90%-band over de herhalingen) en "
         "door een gerichte aanval; R is het gemiddelde over alle stappen. Schneider e.a. (2011)."},
        {"networks", "netwerken"},
        {"units", "eenheden"},
        {"median {value}", "mediaan {value}"},
        {"{name} (not computable)", "{name} (niet te berekenen)", true},
        {"{n} {what}, sorted", "{n} {what}, gesorteerd", true},
        {"items per period", "stuks per periode"},
        {"median", "mediaan"},
        {"{metric} of {fixed}", "{metric} van {fixed}", true},
        {"{metric} in {fixed}", "{metric} in {fixed}", true},
        {"{what}: one line per {by}", "{what}: één lijn per {by}", true},
        {"unit", "eenheid"},
        {"{chain}: volumes per stage", "{chain}: volumes per schakel"},
        {"HTML report written to {path}", "HTML-rapport geschreven naar {path}"},
        {"period", "periode"},

        // ------------------------------------------------------------ indicators
        {"single points of failure", "enkelvoudige faalpunten"},
        {"single point of failure", "enkelvoudig faalpunt"},
        {"bridges", "bruggen"},
        {"largest vulnerability (efficiency)", "grootste kwetsbaarheid (efficiëntie)"},
        {"vulnerability (efficiency)", "kwetsbaarheid (efficiëntie)"},
        {"robustness R (random removal)", "robuustheid R (willekeurige uitval)"},
        {"robustness R (targeted attack)", "robuustheid R (gerichte aanval)"},
        {"largest throughput loss from one failure", "grootste verlies aan doorstroom bij één uitval"},
        {"reciprocity", "wederkerigheid"},
        {"organisations", "organisaties"},
        {"relations", "relaties"},
        {"sectors", "sectoren"},
        {"density", "dichtheid"},
        {"degree centralization", "centralisatie (aantal relaties)"},
        {"broker (betweenness)", "makelaar (tussenpositie)"},
        {"collaboration betweenness centralization", "samenwerking: centralisatie (tussenpositie)"},
        {"collaboration broker (liaison)", "samenwerking: makelaar (verbinder tussen sectoren)"},
        {"collaboration broker (gatekeeper)", "samenwerking: makelaar (poortwachter)"},
        {"collaboration E-I index (sectors)", "samenwerking: E-I-index (sectoren)"},
        {"collaboration E-I index", "samenwerking: E-I-index"},
        {"collaboration sector assortativity", "samenwerking: assortativiteit naar sector"},
        {"collaboration governance mode (observed)", "samenwerking: sturingsvorm (waargenomen)"},
        {"collaboration governance mode (indicated)", "samenwerking: sturingsvorm (aangewezen)"},
        {"collaboration centrally integrated", "samenwerking: centraal geïntegreerd"},
        {"transitivity", "transitiviteit"},
        {"weak components", "losse delen (zwakke componenten)"},
        {"share in largest component", "aandeel in grootste component"},
        {"communities (Louvain)", "gemeenschappen (Louvain)"},
        {"modularity (Louvain)", "modulariteit (Louvain)"},
        {"communities follow sectors (NMI)", "gemeenschappen volgen sectoren (NMI)"},
        {"communities follow sectors (ARI)", "gemeenschappen volgen sectoren (ARI)"},
        {"sector heterogeneity (Blau)", "verscheidenheid aan sectoren (Blau)"},
        {"single-intermediary pairs", "paren met één tussenschakel"},
        {"cyclomatic number", "cyclomatisch getal"},
        {"average path length", "gemiddelde padlengte"},
        {"lead time (fastest)", "doorlooptijd (snelste route)"},
        {"lead time (expected)", "doorlooptijd (verwacht)"},
        {"arrival share", "aandeel dat de laatste schakel bereikt"},
        {"throughput", "doorstroomcapaciteit"},
        {"bottleneck organisations", "knelpuntorganisaties"},
        {"fidelity (most reliable path)", "betrouwbaarheid (meest betrouwbare route)"},
        {"fidelity (expected)", "betrouwbaarheid (verwacht)"},
        {"feedback coverage", "terugkoppeling (direct)"},
        {"feedback reach", "terugkoppeling (bereik)"},
        {"exit reaches entry", "uitstroom bereikt instroom"},
        {"hand-offs on the typical path", "overdrachten op de gebruikelijke route"},
        {"organisations a case passes", "organisaties die een zaak passeert"},
        {"returns to an earlier stage", "terugkeer naar een eerdere schakel"},
        {"cases followed", "gevolgde zaken"},
        {"lead time per case (median)", "doorlooptijd per zaak (mediaan)"},
        {"organisations per case (mean)", "organisaties per zaak (gemiddeld)"},
        {"hand-offs per case (mean)", "overdrachten per zaak (gemiddeld)"},
        {"cases with ping-pong", "zaken met pingpong"},

        // ------------------------------------------------------------ texts, units, directions
        {"yes", "ja"},
        {"no", "nee"},
        {"shared", "gedeeld"},
        {"lead organisation", "leidende organisatie"},
        {"NAO", "netwerkorganisatie (NAO)"},
        {"undetermined", "onbepaald"},
        {"cases per {per:t}", "zaken per {per}"},
        {"messages per {per:t}", "berichten per {per}"},
        {"items per {per:t}", "stuks per {per}"},
        {"year", "jaar"},
        {"quarter", "kwartaal"},
        {"month", "maand"},
        {"week", "week"},
        {"day", "dag"},
        {"cases", "zaken"},
        {"items", "stuks"},
        {"communities", "gemeenschappen"},
        {"components", "componenten"},
        {"days", "dagen"},
        {"flag", "ja/nee-teken"},
        {"hand-offs", "overdrachten"},
        {"hops", "stappen"},
        {"index", "index"},
        {"loops", "lussen"},
        {"mode", "vorm"},
        {"pairs", "paren"},
        {"share", "aandeel"},
        {"share of pairs", "aandeel van de paren"},
        {"ties", "verbindingen"},
        {"yes/no", "ja/nee"},
        {"higher", "hoger"},
        {"lower", "lager"},
        {"context", "context"},

        // ------------------------------------------------------------ meanings: ranked rows
        {"{label} disconnects the network when it fails (1: yes, 0: no)",
         "{label} knipt het netwerk in stukken bij uitval (1: ja, 0: nee)"},
        {"{label}: share of shortest paths between others through it",
         "{label}: aandeel van de kortste paden tussen anderen dat via deze organisatie loopt"},
        {"{label}: share of the network's global efficiency lost when it fails",
         "{label}: aandeel van de globale efficiëntie van het netwerk dat verloren gaat bij uitval"},
        {"{label} links collaborating pairs between two other sectors that have no direct tie "
         "(z = {z} against chance)",
         "{label} verbindt samenwerkende paren uit twee andere sectoren die geen directe relatie "
         "hebben (z = {z} ten opzichte van toeval)"},
        {"{label} links collaborating pairs from another sector into its own that have no direct "
         "tie (z = {z} against chance)",
         "{label} verbindt samenwerkende paren van een andere sector naar de eigen sector die geen "
         "directe relatie hebben (z = {z} ten opzichte van toeval)"},
        // ------------------------------------------------------------ meanings: resilience
        {"organisations whose loss disconnects others (articulation points, the undirected "
         "projection of the layers)",
         "organisaties waarvan de uitval andere organisaties afsnijdt (scharnierpunten, de lagen "
         "ongericht bekeken)"},
        {"ties whose loss splits the network (undirected projection)",
         "relaties waarvan het wegvallen het netwerk splitst (ongericht bekeken)"},
        {"share of the network's global efficiency lost when its most vulnerable organisation fails",
         "aandeel van de globale efficiëntie van het netwerk dat verloren gaat bij uitval van de "
         "kwetsbaarste organisatie"},
        {"mean share of organisations in the largest component while all are removed one by one: "
         "{how:t}; 0.5 is the most a network can have",
         "gemiddeld aandeel van de organisaties in de grootste component terwijl alle organisaties "
         "een voor een wegvallen: {how}; 0,5 is het hoogst haalbare"},
        {"organisations removed at random (50 runs, seed 0)",
         "organisaties vallen willekeurig weg (50 herhalingen, seed 0)"},
        {"organisations removed by a targeted attack on the highest {attack:t}, recomputed after "
         "each removal",
         "organisaties vallen weg door een gerichte aanval op de hoogste {attack}, herberekend na "
         "elke uitval"},
        {"share of the chain's throughput (first to last stage) lost when its most critical "
         "organisation fails (organisations of the first and last stage left out: without them "
         "nothing enters or leaves)",
         "aandeel van de doorstroom van de keten (eerste tot laatste schakel) dat verloren gaat bij "
         "uitval van de meest kritieke organisatie (organisaties van de eerste en laatste schakel "
         "niet meegeteld: zonder hen is er geen instroom of uitstroom)"},
        // ------------------------------------------------------------ meanings: learning
        {"share of directed ties that are returned: information flows back",
         "aandeel van de gerichte relaties dat wordt beantwoord: informatie stroomt terug"},
        {"share of ties in layer '{layer}' that are returned",
         "aandeel van de relaties in laag '{layer}' dat wordt beantwoord"},
        {"share of pairs of stages in which the later stage sends information directly back to the "
         "earlier one",
         "aandeel van de paren schakels waarin de latere schakel informatie direct terugstuurt naar "
         "de eerdere"},
        {"share of pairs of stages in which the later stage reaches the earlier one along any path",
         "aandeel van de paren schakels waarin de latere schakel de eerdere langs enige route "
         "bereikt"},
        {"can outcomes travel back from the last stage to the first, so that those who act first "
         "hear about them?",
         "kunnen uitkomsten terugreizen van de laatste schakel naar de eerste, zodat wie als eerste "
         "optreedt ervan hoort?"},
        // ------------------------------------------------------------ meanings: effectiveness
        {"size of the network", "omvang van het netwerk"},
        {"relations in the layers", "relaties in de lagen"},
        {"distinct sectors taking part", "aantal deelnemende sectoren"},
        {"share of possible ties present (layers merged): integration",
         "aandeel van de mogelijke relaties dat aanwezig is (lagen samengevoegd): integratie"},
        {"share of possible ties present in layer '{layer}'",
         "aandeel van de mogelijke relaties dat aanwezig is in laag '{layer}'"},
        {"how far integration runs through one organisation (1 = a star)",
         "in hoeverre de integratie via één organisatie loopt (1 = een ster)"},
        {"how far the shortest routes between collaborating organisations run through one of them "
         "(1 = a star)",
         "in hoeverre de kortste routes tussen samenwerkende organisaties via één van hen lopen "
         "(1 = een ster)"},
        {"(external - internal) / all collaboration ties by sector; +1 all cross sectors, -1 all "
         "stay inside",
         "(extern - intern) / alle samenwerkingsrelaties naar sector; +1 alle over sectorgrenzen, "
         "-1 alle binnen de sector"},
        {"collaboration ties of sector '{sector}' across vs within it",
         "samenwerkingsrelaties van sector '{sector}' over de sectorgrens tegenover binnen de sector"},
        {"do collaboration ties stay within sectors (1) or prefer other sectors (< 0)?",
         "blijven samenwerkingsrelaties binnen sectoren (1) of zoeken ze andere sectoren op (< 0)?"},
        {"the governance mode the collaboration ties show: {reasoning:t}",
         "de sturingsvorm die de samenwerkingsrelaties laten zien: {reasoning}"},
        {"the governance mode the collaboration ties show",
         "de sturingsvorm die de samenwerkingsrelaties laten zien"},
        {"No NAO and no dominant member: governance is shared.",
         "Geen netwerkorganisatie (NAO) en geen dominante partner: de sturing is gedeeld."},
        {"A lead organisation governs: {note}.", "Een leidende organisatie stuurt: {note}."},
        {"An NAO governs: {note}.", "Een netwerkorganisatie (NAO) stuurt: {note}."},
        {"the mode the contingencies point to; undetermined here, as trust, goal consensus and "
         "competency needs are not in the network data (give them to kn.governance.diagnose)",
         "de vorm waar de omstandigheden op wijzen; hier onbepaald, omdat vertrouwen, "
         "doelconsensus en benodigde competenties niet in de netwerkgegevens staan (geef ze aan "
         "kn.governance.diagnose)"},
        {"degree centralization of the collaboration ties >= 0.5 (effective networks are centrally "
         "integrated)",
         "centralisatie van de samenwerkingsrelaties >= 0,5 (effectieve netwerken zijn centraal "
         "geïntegreerd)"},
        {"share of connected triples that are closed: partners of partners work together directly "
         "(layers merged)",
         "aandeel van de verbonden drietallen dat gesloten is: partners van partners werken direct "
         "samen (lagen samengevoegd)"},
        {"groups of organisations with no tie between them (1: one connected network)",
         "groepen organisaties zonder relatie met elkaar (1: één samenhangend netwerk)"},
        {"share of organisations in the largest connected group",
         "aandeel van de organisaties in de grootste samenhangende groep"},
        {"groups tied more densely among themselves than to the rest (seed 0)",
         "groepen die onderling dichter verbonden zijn dan met de rest (seed 0)"},
        {"how sharply the network splits into communities (0: not at all; above 0.3: clear groups)",
         "hoe scherp het netwerk in gemeenschappen uiteenvalt (0: helemaal niet; boven 0,3: "
         "duidelijke groepen)"},
        {"agreement of the communities with the sectors: near 1 means ties stay within sector lines "
         "(silos), near 0 that they cross them",
         "overeenkomst van de gemeenschappen met de sectoren: bij 1 blijven relaties binnen de "
         "sectorgrenzen (silo's), bij 0 gaan ze eroverheen"},
        {"adjusted Rand index of communities and sectors (0: as by chance)",
         "gecorrigeerde Rand-index van gemeenschappen en sectoren (0: als bij toeval)"},
        {"1 - sum of squared sector shares: chance that two organisations differ in sector",
         "1 - som van de gekwadrateerde sectoraandelen: kans dat twee organisaties tot een "
         "verschillende sector behoren"},
        {"share of connected pairs separated by the failure of one other organisation (pairs in no "
         "common biconnected block)",
         "aandeel van de verbonden paren dat gescheiden raakt door uitval van één andere "
         "organisatie (paren zonder gemeenschappelijk tweevoudig samenhangend blok)"},
        {"independent loops of the undirected projection, m - n + c",
         "onafhankelijke lussen in het ongericht bekeken netwerk, m - n + c"},
        {"mean shortest path between connected organisations",
         "gemiddeld kortste pad tussen verbonden organisaties"},
        // ------------------------------------------------------------ meanings: chains
        {"fastest route of a case from the first stage to the last (latency)",
         "snelste route van een zaak van de eerste tot de laatste schakel (doorlooptijd)"},
        {"share of the cases entering the chain that reach its last stage",
         "aandeel van de zaken die de keten instromen dat de laatste schakel bereikt"},
        {"most cases per period that can move from the first stage to the last (maximum flow)",
         "hoogste aantal zaken per periode dat van de eerste tot de laatste schakel kan "
         "doorstromen (maximale stroom)"},
        {"fewest organisations whose loss cuts every route from the first stage to the last (1: a "
         "single bottleneck; higher is more redundant)",
         "kleinste aantal organisaties waarvan de uitval elke route van de eerste tot de laatste "
         "schakel afsnijdt (1: één knelpunt; hoger is meer redundantie)"},
        {"best product of quality along a route from the first stage to the last",
         "beste product van de kwaliteit langs een route van de eerste tot de laatste schakel"},
        {"mean product of quality over the routes cases routed by volume take",
         "gemiddeld product van de kwaliteit over de routes die zaken naar volume nemen"},
        {"how long a citizen's case takes on average from the first stage to the last (cases routed "
         "by volume)",
         "hoe lang de zaak van een burger gemiddeld duurt van de eerste tot de laatste schakel "
         "(zaken naar volume verdeeld)"},
        {"hand-offs a citizen's case meets on the route most cases follow (most probable path by "
         "volume)",
         "overdrachten die de zaak van een burger tegenkomt op de route die de meeste zaken volgen "
         "(meest waarschijnlijke route naar volume)"},
        {"organisations a citizen deals with on the route most cases follow",
         "organisaties waar een burger mee te maken krijgt op de route die de meeste zaken volgen"},
        {"share of the chain's case movements that go back to an earlier stage (a citizen meets the "
         "same stage again)",
         "aandeel van de bewegingen van zaken in de keten dat teruggaat naar een eerdere schakel "
         "(een burger komt dezelfde schakel opnieuw tegen)"},
        // ------------------------------------------------------------ meanings: citizen
        {"cases in the event log, each a citizen's journey",
         "zaken in het gebeurtenissenlogboek, elk de reis van een burger"},
        {"median time from a case's first event to its last",
         "mediane tijd van de eerste tot de laatste gebeurtenis van een zaak"},
        {"mean number of distinct organisations a citizen's case meets",
         "gemiddeld aantal verschillende organisaties dat de zaak van een burger tegenkomt"},
        {"mean number of times a case passes from one organisation to another",
         "gemiddeld aantal keren dat een zaak van de ene organisatie naar de andere gaat"},
        {"share of cases sent back and forth (A -> B -> A) between organisations",
         "aandeel van de zaken dat heen en weer gaat (A -> B -> A) tussen organisaties"},

        // ------------------------------------------------------------ notes
        {"not computable: {why:t}", "niet te berekenen: {why}"},
        {"not computed: more than {n} organisations (efficiency vulnerability costs O(n^2 m))",
         "niet berekend: meer dan {n} organisaties (kwetsbaarheid naar efficiëntie kost O(n^2 m))"},
        {"not computed: more than {n} organisations", "niet berekend: meer dan {n} organisaties"},
        {"not defined for this network (too few organisations or ties)",
         "niet gedefinieerd voor dit netwerk (te weinig organisaties of relaties)"},
        {"not defined for this network", "niet gedefinieerd voor dit netwerk"},
        {"not defined: the network has no ties (its global efficiency is 0)",
         "niet gedefinieerd: het netwerk heeft geen relaties (de globale efficiëntie is 0)"},
        {"not in the complexity profile", "niet in het complexiteitsprofiel"},
        {"not among the organisations this network ranks; shown to align the batch",
         "niet bij de organisaties die dit netwerk rangschikt; getoond om de reeks gelijk te "
         "houden"},
        {"not an organisation of this network", "geen organisatie van dit netwerk"},
        {"needs two organisations", "vraagt twee organisaties"},
        {"needs three organisations", "vraagt drie organisaties"},
        {"needs at least two sectors", "vraagt ten minste twee sectoren"},
        {"{n} organisation(s) have no sector", "{n} organisatie(s) hebben geen sector"},
        {"the network has no organisations", "het netwerk heeft geen organisaties"},
        {"the network has no chain '{chain}'", "het netwerk heeft geen keten '{chain}'"},
        {"the network has no layer '{layer}'", "het netwerk heeft geen laag '{layer}'"},
        {"the network has no organisation of sector '{sector}'",
         "het netwerk heeft geen organisatie van sector '{sector}'"},
        {"no organisation between the first and last stage",
         "geen organisatie tussen de eerste en de laatste schakel"},
        {"when {label} fails", "bij uitval van {label}"},
        {"no tie layer: collaboration indicators read the layers of agreements, collaboration or "
         "co-location only; declare them with kind 'tie' (add_layer(name, kind=\"tie\"), "
         "set_layer_kind, or \"kind\": \"tie\" in the JSON)",
         "geen samenwerkingslaag: de indicatoren van samenwerking lezen alleen de lagen van "
         "afspraken, samenwerking of gezamenlijke huisvesting; geef ze de soort 'tie' "
         "(add_layer(name, kind=\"tie\"), set_layer_kind, of \"kind\": \"tie\" in de JSON)"},
        {"the tie layer(s) {layers} hold no ties", "de samenwerkingslaag/-lagen {layers} bevatten geen relaties"},
        {"the layers hold no ties", "de lagen bevatten geen relaties"},
        {"one organisation in the sector: trivially +1", "één organisatie in de sector: vanzelf +1"},
        {"the sector has no collaboration ties", "de sector heeft geen samenwerkingsrelaties"},
        {"no directed layer: every tie is mutual", "geen gerichte laag: elke relatie is wederzijds"},
        {"undirected layer: every tie is mutual", "ongerichte laag: elke relatie is wederzijds"},
        {"needs an event log: pass log= (kn.eventlog.read_xes, read_csv or from_pandas) to measure "
         "the journeys cases actually make",
         "vraagt een gebeurtenissenlogboek: geef log= (kn.eventlog.read_xes, read_csv of "
         "from_pandas) om de werkelijke route van zaken te meten"},
        {"the event log has no cases", "het gebeurtenissenlogboek bevat geen zaken"},
        {"every tie joins two organisations of one sector or every sector has the same degree",
         "elke relatie verbindt twee organisaties van één sector of elke sector heeft evenveel "
         "relaties"},
        // notes of the chain indicators (flow::score_chain)
        {"fastest path {path}", "snelste route {path}"},
        {"most reliable path {path}", "meest betrouwbare route {path}"},
        {"typical (most probable) path {path}, followed by a share {share} of the items",
         "gebruikelijke (meest waarschijnlijke) route {path}, gevolgd door een aandeel {share} van "
         "de eenheden"},
        {"path {path}", "route {path}"},
        {"no path from the first to the last stage", "geen route van de eerste tot de laatste schakel"},
        {"no path with volume from the first to the last stage",
         "geen route met volume van de eerste tot de laatste schakel"},
        {"no path from the last stage back to the first",
         "geen route van de laatste schakel terug naar de eerste"},
        {"the first stage does not reach the last", "de eerste schakel bereikt de laatste niet"},
        {"a first-stage organisation has a direct tie to a last-stage one: no set of organisations "
         "separates them",
         "een organisatie van de eerste schakel heeft een directe relatie met een van de laatste: "
         "geen groep organisaties scheidt ze"},
        {"fewest organisations whose loss cuts every path: {ids}",
         "kleinste groep organisaties waarvan de uitval elke route afsnijdt: {ids}"},
        {"{with} of {pairs} pairs of stages have a direct tie from the later stage back to the "
         "earlier one",
         "{with} van de {pairs} paren schakels hebben een directe relatie van de latere schakel "
         "terug naar de eerdere"},
        {"pairs of stages in which the later stage reaches the earlier one along a path",
         "paren schakels waarin de latere schakel de eerdere langs een route bereikt"},
        {"items enter in proportion to the entry organisations' out-volume; mean over the share "
         "{share} that reaches the last stage",
         "eenheden stromen in naar verhouding van het uitgaande volume van de organisaties bij de "
         "ingang; gemiddelde over het aandeel {share} dat de laatste schakel bereikt"},
        {"cases enter where they start (case_starts) and leave where they end (case_ends); mean "
         "over the share {share} that reaches the last stage",
         "zaken stromen in waar ze beginnen (case_starts) en uit waar ze eindigen (case_ends); "
         "gemiddelde over het aandeel {share} dat de laatste schakel bereikt"},
        {"routed by volume; mean over the share {share} that reaches the last stage",
         "naar volume verdeeld; gemiddelde over het aandeel {share} dat de laatste schakel bereikt"},
        {"other items stop at dead ends ({ends}) or circulate (share {share})",
         "overige eenheden stoppen op doodlopende punten ({ends}) of blijven rondgaan (aandeel "
         "{share})"},
        {"other cases end at {ends} or circulate (share {share})",
         "overige zaken eindigen bij {ends} of blijven rondgaan (aandeel {share})"},
        {"'{capacity}' of {n} relations, '{fallback}' of {m} whose capacity is unknown; minimum cut: "
         "{cut}",
         "'{capacity}' van {n} relaties, '{fallback}' van {m} waarvan de capaciteit onbekend is; "
         "minimale snede: {cut}"},
        {"'{capacity}' of {n} relations; minimum cut: {cut}",
         "'{capacity}' van {n} relaties; minimale snede: {cut}"},
        {"cases reaching the last stage, of the {started} that start at the first stage (arrival "
         "share {share}; case_starts, case_ends); max-flow {flow} on the {rest:t}",
         "zaken die de laatste schakel bereiken, van de {started} die bij de eerste schakel "
         "beginnen (aandeel dat aankomt {share}; case_starts, case_ends); maximale stroom {flow} "
         "op de {rest}"},
        {"none (no path)", "geen (geen route)"},
        // why a chain indicator cannot be computed (flow's layer selection)
        {"{what:t}: no case layer in which every relation carries {names} ({missing:t}); fill in the "
         "values or name the layers to read (layers)",
         "{what}: geen zakenlaag waarin elke relatie {names} heeft ({missing}); vul de waarden aan "
         "of noem de lagen die gelezen moeten worden (layers)"},
        {"{what:t}: no layer in which every relation carries {names} ({missing:t}); fill in the "
         "values or name the layers to read (layers)",
         "{what}: geen laag waarin elke relatie {names} heeft ({missing}); vul de waarden aan of "
         "noem de lagen die gelezen moeten worden (layers)"},
        {"{what:t}: no case layer in which every relation carries {names} ({missing:t})",
         "{what}: geen zakenlaag waarin elke relatie {names} heeft ({missing})"},
        {"{what:t}: the network has no case layer (layers: {layers}); chain indicators read the "
         "layers on which cases pass from one organisation to the next, never messages or ties. "
         "Declare one with kind 'case' (set_layer_kind, or the kind given to add_layer; JSON: "
         "\"kind\": \"case\"), or name the layers to read (layers)",
         "{what}: het netwerk heeft geen zakenlaag (lagen: {layers}); de keten-indicatoren lezen "
         "de lagen waarlangs zaken van de ene organisatie naar de volgende gaan, nooit berichten "
         "of samenwerkingsrelaties. Geef een laag de soort 'case' (set_layer_kind, of de soort "
         "bij add_layer; JSON: \"kind\": \"case\"), of noem de lagen die gelezen moeten "
         "worden (layers)"},
        {"{what:t}: the case layer {names} holds no relations; add relations or name the layers "
         "to read (layers)",
         "{what}: de zakenlaag {names} bevat geen relaties; voeg relaties toe of noem de lagen "
         "die gelezen moeten worden (layers)"},
        {"{what:t}: the case layers {names} hold no relations; add relations or name the layers "
         "to read (layers)",
         "{what}: de zakenlagen {names} bevatten geen relaties; voeg relaties toe of noem de "
         "lagen die gelezen moeten worden (layers)"},
        {"layer '{layer}': {n} of {total} relations lack one of them",
         "laag '{layer}': bij {n} van de {total} relaties ontbreekt er een"},
        {"layer '{layer}': {n} of {total} relations lack it",
         "laag '{layer}': bij {n} van de {total} relaties ontbreekt deze"},
        {"the network has no relations", "het netwerk heeft geen relaties"},
        {"feedback: the network has no directed case or information layer with relations",
         "terugkoppeling: het netwerk heeft geen gerichte zaken- of informatielaag met relaties"},
        {"no case starts at the first stage (attribute 'case_starts' is 0 at {ids})",
         "geen zaak begint bij de eerste schakel (attribuut 'case_starts' is 0 bij {ids})"},
        {"lead time", "doorlooptijd"},
        {"expected lead time", "verwachte doorlooptijd"},
        {"fidelity", "betrouwbaarheid"},
        {"expected fidelity", "verwachte betrouwbaarheid"},
        {"vulnerability: throughput", "kwetsbaarheid: doorstroomcapaciteit"},
        {"layers: an empty selection; pass None for all layers",
         "lagen: een lege selectie; geef None voor alle lagen"},
        // reasons joined by "; " (each a phrase), and a path of organisation ids ("a > b > c")
        // as a note: ids are not translated
        {"{first:t}; {rest:t}", "{first}; {rest}"},
        {"{from} > {to}", "{from} > {to}"},
    };
    return p;
}

}  // namespace ketennet::report::internal
