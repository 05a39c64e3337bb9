package rules

// Word lists of the children validator. All entries are normalised the way
// text.Prepare normalises tokens: lower case, ä→ae, ö→oe, ü→ue, ß→ss.

// possessives that make a kinship word one's own child.
var (
	possessiveDE = set("mein", "meine", "meinen", "meinem", "meiner", "meines",
		"unser", "unsere", "unseren", "unserem", "unserer", "unseres", "unsre", "unsren", "unsrem", "unsrer")
	possessiveEN = set("my", "our")
)

// kinDE are German words for one's child; plural marks the generic-prone plurals.
var kinDE = map[string]kinInfo{
	"sohn": {de: "Sohn", en: "son"}, "sohnes": {de: "Sohn", en: "son"}, "sohne": {de: "Sohn", en: "son"},
	"soehne": {de: "Söhne", en: "sons", plural: true}, "soehnen": {de: "Söhne", en: "sons", plural: true},
	"tochter": {de: "Tochter", en: "daughter", fem: true}, "toechter": {de: "Töchter", en: "daughters", plural: true},
	"toechtern": {de: "Töchter", en: "daughters", plural: true},
	"kind":      {de: "Kind", en: "child", neut: true}, "kindes": {de: "Kind", en: "child", neut: true}, "kinds": {de: "Kind", en: "child", neut: true},
	"kinder": {de: "Kinder", en: "children", plural: true}, "kindern": {de: "Kinder", en: "children", plural: true},
	"kids": {de: "Kinder", en: "kids", plural: true},
	"baby": {de: "Baby", en: "baby", neut: true}, "babys": {de: "Babys", en: "babies", plural: true},
	"enkel": {de: "Enkel", en: "grandson"}, "enkels": {de: "Enkel", en: "grandson"}, "enkeln": {de: "Enkel", en: "grandchildren", plural: true},
	"enkelin": {de: "Enkelin", en: "granddaughter", fem: true}, "enkelinnen": {de: "Enkelinnen", en: "granddaughters", plural: true},
	"enkelkind": {de: "Enkelkind", en: "grandchild", neut: true}, "enkelkinder": {de: "Enkelkinder", en: "grandchildren", plural: true},
	"enkelkindern": {de: "Enkelkinder", en: "grandchildren", plural: true}, "enkelsohn": {de: "Enkel", en: "grandson"},
	"enkeltochter": {de: "Enkelin", en: "granddaughter", fem: true},
	"patenkind":    {de: "Patenkind", en: "godchild", neut: true}, "patenkinder": {de: "Patenkinder", en: "godchildren", plural: true},
	"patenkindern": {de: "Patenkinder", en: "godchildren", plural: true},
	"patentochter": {de: "Patentochter", en: "goddaughter", fem: true}, "patensohn": {de: "Patensohn", en: "godson"},
	"nichte": {de: "Nichte", en: "niece", fem: true}, "neffe": {de: "Neffe", en: "nephew"}, "neffen": {de: "Neffe", en: "nephew"},
	"zwillinge": {de: "Zwillinge", en: "twins", plural: true}, "zwillingen": {de: "Zwillinge", en: "twins", plural: true},
	"drillinge": {de: "Drillinge", en: "triplets", plural: true},
	"stiefsohn": {de: "Stiefsohn", en: "stepson"}, "stieftochter": {de: "Stieftochter", en: "stepdaughter", fem: true},
	"stiefkind": {de: "Stiefkind", en: "stepchild", neut: true}, "pflegekind": {de: "Pflegekind", en: "foster child", neut: true},
	"pflegesohn": {de: "Pflegesohn", en: "foster son"}, "pflegetochter": {de: "Pflegetochter", en: "foster daughter", fem: true},
	"bonuskind": {de: "Bonuskind", en: "stepchild", neut: true}, "bonussohn": {de: "Bonussohn", en: "stepson"},
	"bonustochter": {de: "Bonustochter", en: "stepdaughter", fem: true},
	"sproessling":  {de: "Sprössling", en: "child"}, "sproesslinge": {de: "Sprösslinge", en: "children", plural: true},
	"nachwuchs": {de: "Nachwuchs", en: "little one"}, "knirps": {de: "Knirps", en: "little one"},
	"bub": {de: "Bub", en: "boy"}, "buben": {de: "Buben", en: "boys", plural: true}, "bua": {de: "Bub", en: "boy"},
	"kleinkind": {de: "Kind", en: "toddler", neut: true}, "schulkind": {de: "Schulkind", en: "child", neut: true},
	"kindergartenkind": {de: "Kind", en: "child", neut: true}, "kitakind": {de: "Kind", en: "child", neut: true},
	"krippenkind":   {de: "Kind", en: "child", neut: true},
	"erstklaessler": {de: "Schulkind", en: "child", neut: true}, "erstklaesslerin": {de: "Schulkind", en: "child", neut: true},
	"schueler": {de: "Kinder", en: "pupils", plural: true}, "schuelerinnen": {de: "Kinder", en: "pupils", plural: true},
	"schuelern": {de: "Kinder", en: "pupils", plural: true}, "kitakinder": {de: "Kinder", en: "children", plural: true},
	"hortkinder": {de: "Kinder", en: "children", plural: true}, "krippenkinder": {de: "Kinder", en: "children", plural: true},
	"vorschulkinder": {de: "Kinder", en: "children", plural: true}, "kitakindern": {de: "Kinder", en: "children", plural: true},
	"grundschueler": {de: "Schulkind", en: "child", neut: true}, "grundschuelerin": {de: "Schulkind", en: "child", neut: true},
	// substantivised adjectives ("unser Kleiner", "meine Große")
	"kleine": {de: "Kleine", en: "little one", adj: true}, "kleiner": {de: "Kleiner", en: "little one", adj: true},
	"kleinen": {de: "Kleinen", en: "little ones", adj: true}, "kleinste": {de: "Kleinste", en: "youngest", adj: true},
	"kleinster": {de: "Kleinster", en: "youngest", adj: true}, "kleinsten": {de: "Kleinsten", en: "youngest", adj: true},
	"grosse": {de: "Große", en: "eldest", adj: true}, "grosser": {de: "Großer", en: "eldest", adj: true},
	"grossen":  {de: "Großen", en: "eldest", adj: true},
	"juengste": {de: "Jüngste", en: "youngest", adj: true}, "juengster": {de: "Jüngster", en: "youngest", adj: true},
	"juengsten": {de: "Jüngsten", en: "youngest", adj: true},
	"aelteste":  {de: "Älteste", en: "eldest", adj: true}, "aeltester": {de: "Ältester", en: "eldest", adj: true},
	"aeltesten": {de: "Ältesten", en: "eldest", adj: true},
	"mittlere":  {de: "Mittlere", en: "middle one", adj: true}, "mittlerer": {de: "Mittlerer", en: "middle one", adj: true},
	// pet names for children
	"nackedei": {de: "Kind", en: "little one", neut: true}, "wirbelwind": {de: "Kind", en: "little one"},
	"wirbelwinde": {de: "Kinder", en: "little ones", plural: true}, "racker": {de: "Kind", en: "little one"},
	"zwerg": {de: "Kind", en: "little one"}, "zwerge": {de: "Kinder", en: "little ones", plural: true},
	"rabauke": {de: "Kind", en: "little one"}, "rabauken": {de: "Kinder", en: "little ones", plural: true},
	"kruemel": {de: "Kind", en: "little one"}, "fratz": {de: "Kind", en: "little one"}, "minis": {de: "Kinder", en: "little ones", plural: true},
	// only with something near that says child ("meine Jungs … zur Schule")
	"jungs": {de: "Kinder", en: "boys", plural: true, needsLittle: true}, "maedels": {de: "Kinder", en: "girls", plural: true, needsLittle: true},
	"maedchen": {de: "Kinder", en: "girls", plural: true, needsLittle: true},
}

// childContext are words that say a reference is about a child ("meine Jungs … Schule").
var childContext = set("schule", "grundschule", "kita", "kindergarten", "krippe", "spielplatz", "hausaufgaben", "zeugnis", "schultuete",
	"einschulung", "spielzeug", "windel", "windeln", "lego", "kinderzimmer", "schulranzen", "laterne", "laternen", "seepferdchen",
	"school", "daycare", "preschool", "playground", "homework", "toys", "toy", "diaper", "diapers", "nursery",
	"teacher", "lehrerin", "lehrer", "erzieherin", "playdate", "recess", "crayons", "bedtime", "fort", "undies", "sandbox", "sandkasten",
	"teething", "stroller", "kinderwagen", "birthday", "geburtstag")

// metaphorBaby marks "mein Baby" as a project ("Mein Baby ist endlich fertig: das neue Buch").
var metaphorBaby = set("fertig", "finished", "launch", "launched", "gelauncht", "buch", "book", "album", "projekt", "project", "startup",
	"release", "released", "erscheint", "drops", "website", "app", "produkt", "product", "firma", "company", "shop", "auto", "car")

// ownKinDE name one's own child without a possessive ("Sohnemann", "Töchterchen").
var ownKinDE = map[string]kinInfo{
	"sohnemann": {de: "Sohn", en: "son"}, "toechterchen": {de: "Tochter", en: "daughter", fem: true},
	"soehnchen": {de: "Sohn", en: "son"}, "toechterlein": {de: "Tochter", en: "daughter", fem: true},
	"toechterchens": {de: "Tochter", en: "daughter", fem: true}, "sohnemanns": {de: "Sohn", en: "son"},
}

var kinEN = map[string]kinInfo{
	"son": {de: "Sohn", en: "son"}, "sons": {de: "Söhne", en: "sons", plural: true},
	"daughter": {de: "Tochter", en: "daughter", fem: true}, "daughters": {de: "Töchter", en: "daughters", plural: true},
	"kid": {de: "Kind", en: "kid", neut: true}, "kids": {de: "Kinder", en: "kids", plural: true},
	"kiddo": {de: "Kind", en: "kiddo", neut: true}, "kiddos": {de: "Kinder", en: "kiddos", plural: true},
	"child": {de: "Kind", en: "child", neut: true}, "children": {de: "Kinder", en: "children", plural: true},
	"baby": {de: "Baby", en: "baby", neut: true}, "babies": {de: "Babys", en: "babies", plural: true},
	"toddler": {de: "Kind", en: "toddler", neut: true}, "toddlers": {de: "Kinder", en: "toddlers", plural: true},
	"newborn": {de: "Baby", en: "newborn", neut: true}, "infant": {de: "Baby", en: "baby", neut: true},
	"grandson": {de: "Enkel", en: "grandson"}, "granddaughter": {de: "Enkelin", en: "granddaughter", fem: true},
	"grandsons": {de: "Enkel", en: "grandsons", plural: true}, "granddaughters": {de: "Enkelinnen", en: "granddaughters", plural: true},
	"grandchild": {de: "Enkelkind", en: "grandchild", neut: true}, "grandchildren": {de: "Enkelkinder", en: "grandchildren", plural: true},
	"grandkid": {de: "Enkelkind", en: "grandkid", neut: true}, "grandkids": {de: "Enkelkinder", en: "grandkids", plural: true},
	"grandbaby": {de: "Enkelkind", en: "grandbaby", neut: true},
	"godson":    {de: "Patensohn", en: "godson"}, "goddaughter": {de: "Patentochter", en: "goddaughter", fem: true},
	"godchild": {de: "Patenkind", en: "godchild", neut: true},
	"stepson":  {de: "Stiefsohn", en: "stepson"}, "stepdaughter": {de: "Stieftochter", en: "stepdaughter", fem: true},
	"niece": {de: "Nichte", en: "niece", fem: true}, "nephew": {de: "Neffe", en: "nephew"},
	"students": {de: "Schüler", en: "students", plural: true}, "pupils": {de: "Schüler", en: "pupils", plural: true},
	"campers": {de: "Kinder", en: "campers", plural: true}, "preschoolers": {de: "Kinder", en: "preschoolers", plural: true},
	"kindergartners": {de: "Kinder", en: "kindergartners", plural: true}, "learners": {de: "Kinder", en: "learners", plural: true},
	"twins": {de: "Zwillinge", en: "twins", plural: true}, "triplets": {de: "Drillinge", en: "triplets", plural: true},
	"munchkin": {de: "Kind", en: "little one", neut: true}, "munchkins": {de: "Kinder", en: "little ones", plural: true},
	"littles": {de: "Kinder", en: "little ones", plural: true}, "firstborn": {de: "Erstgeborener", en: "firstborn"},
	"preschooler": {de: "Kind", en: "preschooler", neut: true}, "kindergartner": {de: "Kind", en: "kindergartner", neut: true},
	"kindergartener": {de: "Kind", en: "kindergartner", neut: true}, "tween": {de: "Kind", en: "kid", neut: true},
	"boy": {de: "Junge", en: "boy", needsLittle: true}, "boys": {de: "Jungs", en: "boys", plural: true, needsLittle: true},
	"girl": {de: "Mädchen", en: "girl", fem: true, needsLittle: true}, "girls": {de: "Mädchen", en: "girls", plural: true, needsLittle: true},
	"one": {de: "Kleine", en: "little one", needsLittle: true}, "ones": {de: "Kleinen", en: "little ones", plural: true, needsLittle: true},
	"guy": {de: "Kleiner", en: "little guy", needsLittle: true}, "guys": {de: "Kleinen", en: "little guys", plural: true, needsLittle: true},
	"man": {de: "Kleiner", en: "little man", needsLittle: true}, "lady": {de: "Kleine", en: "little lady", fem: true, needsLittle: true},
	"eldest": {de: "Älteste", en: "eldest", adj: true}, "youngest": {de: "Jüngste", en: "youngest", adj: true},
	"oldest": {de: "Älteste", en: "oldest", adj: true},
}

// kinInfo describes a kinship word: neutral German and English forms for replacements.
type kinInfo struct {
	de, en      string
	plural      bool
	fem, neut   bool
	adj         bool // a substantivised adjective: only a child when no noun follows
	needsLittle bool // "boy", "girl", "one": only with little/baby/sweet before it
}

// littleWords make "boy", "girl" and "one" a child ("my little girl", "our baby boy").
var littleWords = set("little", "baby", "lil", "sweet", "wee", "newborn", "precious", "tiny")

// Words that may stand between a possessive and the kinship word.
var kinFillersDE = set("kita", "krippen", "hort", "vorschul", "kindergarten", "kleine", "kleiner", "kleinen", "grosse", "grosser", "grossen", "suesse", "suesser", "suessen",
	"beiden", "zwei", "drei", "vier", "geliebte", "geliebter", "geliebten", "juengste", "juengster", "juengsten",
	"aelteste", "aeltester", "aeltesten", "mittlere", "mittlerer", "neue", "neuer", "neugeborene", "neugeborener",
	"wunderbare", "wunderbaren", "tolle", "tollen", "stolze", "ganze", "erste", "erster", "ersten", "zweite", "zweiter", "jaehrige",
	"jaehriger", "jaehrigen", "jaehriges", "und", "lieben", "liebe", "lieber", "einzige", "einziger", "frischgebackene", "kranke", "kranker")
var kinFillersEN = set("little", "lil", "sweet", "beautiful", "precious", "amazing", "wonderful", "two", "three", "four", "2", "3", "4",
	"eldest", "youngest", "oldest", "middle", "baby", "newborn", "new", "wee", "tiny", "brave", "sick", "first", "second", "year", "old",
	"month", "week", "beloved", "darling", "sweetest", "big", "boys", "girls", "and", "favourite", "favorite", "only")

// Adults named with a kinship word: obituaries, weddings, careers.
var adultContext = set("verstorben", "verstarb", "entschlafen", "trauer", "trauern", "beerdigung", "beisetzung", "nachruf", "rip",
	"hochzeit", "geheiratet", "heiratet", "verheiratet", "ehefrau", "ehemann", "schwiegertochter", "schwiegersohn",
	"studium", "studiert", "promoviert", "promotion", "rente", "ruhestand", "erwachsen", "erwachsene", "erwachsenen", "urenkel",
	"passed", "funeral", "obituary", "condolences", "wedding", "married", "marries", "graduated", "phd", "retired", "grown", "adult", "adults",
	"bachelorarbeit", "masterarbeit", "firma", "geschaeftsfuehrer", "inhaber", "inhaberin", "master", "bachelor", "diplom",
	"doktorarbeit", "universitaet", "uni", "karriere", "befoerdert", "beruf", "degree", "university", "career", "promoted", "law")

// companyWords mark "Tochter"/"Söhne" as a company ("unsere Tochter XY GmbH", "Müller & Söhne").
var companyWords = set("gmbh", "ag", "kg", "se", "inc", "ltd", "llc", "holding", "konzern", "unternehmen", "firma", "gesellschaft",
	"tochtergesellschaft", "company", "subsidiary", "corp", "co", "plc", "group", "gruppe", "niederlassung", "standort")

// Institutions speaking of "unsere Kinder" as a group: words only staff use.
var groupContext = set("erzieher", "erzieherin", "erzieherinnen", "erziehern", "lehrkraefte", "schuelerinnen", "schuelern",
	"kitakinder", "hortkinder", "vorschulkinder", "trainerteam", "jugendtrainer", "jugendabteilung", "ferienfreizeit", "ferienlager",
	"kinderturnen", "elternbrief", "teachers", "students", "pupils", "staff", "campers", "coaches", "classroom")

// groupPlaces are institutions that speak as "unsere Kita", "our school".
var groupPlaces = set("gruppe", "klasse", "mannschaft", "verein", "team", "schule", "kita", "kindergarten", "krippe", "hort", "school",
	"daycare", "class", "club", "camp", "preschool", "nursery", "einrichtung", "grundschule")

// Topic words: "die Zukunft unserer Kinder", "Kinderarmut" – children as a subject, not one child.
var genericVerbsDE = set("schuetzen", "schutz", "zukunft", "generation", "generationen", "gesellschaft", "politik", "bildung", "land", "rechte", "recht", "sicherheit")
var genericVerbsEN = set("protect", "future", "generation", "generations", "society", "country", "deserve", "rights", "nation", "safety", "education")

// negators and posting verbs: "ich poste nie Fotos meiner Kinder".
var postVerbs = set("poste", "posten", "postet", "zeige", "zeigen", "teile", "teilen", "teilt", "stelle", "lade", "hochladen",
	"post", "posts", "posting", "share", "shares", "sharing", "show", "upload", "publish")

// businessWords mark a setting word as an offer, not a family event ("Kindergeburtstage bei uns buchen").
var businessWords = set("buchen", "bieten", "angebot", "angebote", "shop", "rabatt", "bestellen", "preis", "preise", "kaufen", "verkaufen",
	"sale", "book", "offer", "discount", "order", "shop", "buy", "price", "deal", "deals", "packages", "paket", "pakete", "gutschein")

// adultKin precede the name of an adult ("mein Mann Peter").
var adultKin = set("mann", "frau", "partner", "partnerin", "freund", "freundin", "chef", "chefin", "kollege", "kollegin", "nachbar",
	"nachbarin", "oma", "opa", "mama", "papa", "mutter", "vater", "schwiegermutter", "husband", "wife", "boyfriend", "girlfriend",
	"friend", "boss", "colleague", "neighbour", "neighbor", "mom", "mum", "dad", "grandma", "grandpa", "coworker", "herr", "frau", "mr", "mrs", "ms", "dr")

// photo words ("Foto", "pic"); compounds ending in them count too ("Babyfotos").
var photoDE = set("foto", "fotos", "bild", "bilder", "bildern", "video", "videos", "schnappschuss", "schnappschuesse", "selfie", "selfies",
	"aufnahme", "aufnahmen", "clip", "reel", "pic", "pics", "fotoshooting", "fotostrecke", "fotobuch")
var photoEN = set("photo", "photos", "pic", "pics", "picture", "pictures", "video", "videos", "snap", "snapshot", "snapshots", "selfie",
	"selfies", "clip", "reel", "footage", "photoshoot", "photodump", "dump")

// photoEmoji are cameras; childEmoji are children.
var (
	photoEmoji = []string{"📸", "📷", "🎥", "📹"}
	childEmoji = []string{"👶", "👧", "🧒", "👦", "🍼"}
)

// exposure words: intimate, embarrassing, health and school trouble.
type exposureInfo struct {
	sev    int // 2 medium, 3 high
	de, en string
}

var exposureWords = map[string]exposureInfo{
	// intimate
	"nackt": {3, "nackt", "naked"}, "nackig": {3, "nackt", "naked"}, "nackedei": {3, "nackt", "naked"}, "nacktes": {3, "nackt", "naked"},
	"naked": {3, "nackt", "naked"}, "nude": {3, "nackt", "naked"}, "naky": {3, "nackt", "naked"}, "nakey": {3, "nackt", "naked"},
	"badewanne": {2, "in der Badewanne", "in the bath"}, "wanne": {2, "in der Badewanne", "in the bath"}, "baden": {2, "beim Baden", "in the bath"},
	"badespass": {2, "beim Baden", "in the bath"}, "bath": {2, "in der Badewanne", "in the bath"}, "bathtub": {2, "in der Badewanne", "in the bath"},
	"bathtime": {2, "beim Baden", "in the bath"}, "toepfchen": {2, "auf dem Töpfchen", "on the potty"}, "potty": {2, "auf dem Töpfchen", "on the potty"},
	"windel": {2, "in der Windel", "in a diaper"}, "windeln": {2, "in der Windel", "in a diaper"}, "diaper": {2, "in der Windel", "in a diaper"},
	"nappy": {2, "in der Windel", "in a diaper"}, "unterhose": {2, "in Unterwäsche", "in underwear"}, "unterwaesche": {2, "in Unterwäsche", "in underwear"},
	"undies": {2, "in Unterwäsche", "in underwear"}, "underwear": {2, "in Unterwäsche", "in underwear"}, "klo": {2, "auf der Toilette", "on the toilet"},
	"toilet": {2, "auf der Toilette", "on the toilet"}, "pipi": {2, "auf der Toilette", "on the toilet"}, "kacka": {2, "auf der Toilette", "on the toilet"},
	"poop": {2, "auf der Toilette", "on the toilet"}, "pooped": {2, "auf der Toilette", "on the toilet"}, "peed": {2, "auf der Toilette", "on the toilet"},
	// embarrassing
	"trotzanfall": {2, "ein Trotzanfall", "a tantrum"}, "wutanfall": {2, "ein Wutanfall", "a tantrum"}, "trotzphase": {2, "ein Trotzanfall", "a tantrum"},
	"heult": {2, "Weinen", "crying"}, "weint": {2, "Weinen", "crying"}, "weinte": {2, "Weinen", "crying"}, "geweint": {2, "Weinen", "crying"},
	"heulend": {2, "Weinen", "crying"}, "weinend": {2, "Weinen", "crying"}, "traenen": {2, "Weinen", "crying"}, "rastet": {2, "ein Wutanfall", "a tantrum"},
	"ausgerastet": {2, "ein Wutanfall", "a tantrum"}, "tantrum": {2, "ein Trotzanfall", "a tantrum"}, "tantrums": {2, "ein Trotzanfall", "a tantrum"},
	"meltdown": {2, "ein Wutanfall", "a meltdown"}, "crying": {2, "Weinen", "crying"}, "cries": {2, "Weinen", "crying"}, "cried": {2, "Weinen", "crying"},
	"sobbing": {2, "Weinen", "crying"}, "bettnaesser": {3, "Bettnässen", "bedwetting"}, "eingenaesst": {3, "Bettnässen", "bedwetting"},
	"bedwetting": {3, "Bettnässen", "bedwetting"}, "kotzt": {2, "Erbrechen", "vomiting"}, "gekotzt": {2, "Erbrechen", "vomiting"},
	"erbrochen": {2, "Erbrechen", "vomiting"}, "puked": {2, "Erbrechen", "vomiting"}, "vomited": {2, "Erbrechen", "vomiting"}, "spuckt": {2, "Erbrechen", "vomiting"},
	// health
	"krank": {2, "Krankheit", "illness"}, "fieber": {2, "Krankheit", "illness"}, "krankenhaus": {2, "Krankenhaus", "hospital"},
	"notaufnahme": {2, "Krankenhaus", "hospital"}, "kinderklinik": {2, "Krankenhaus", "hospital"}, "magendarm": {2, "Krankheit", "illness"},
	"sick": {2, "Krankheit", "illness"}, "fever": {2, "Krankheit", "illness"}, "hospital": {2, "Krankenhaus", "hospital"},
	"diagnose": {3, "eine Diagnose", "a diagnosis"}, "diagnostiziert": {3, "eine Diagnose", "a diagnosis"}, "diagnosed": {3, "eine Diagnose", "a diagnosis"},
	"diagnosis": {3, "eine Diagnose", "a diagnosis"}, "adhs": {3, "eine Diagnose", "a diagnosis"}, "adhd": {3, "eine Diagnose", "a diagnosis"},
	"autismus": {3, "eine Diagnose", "a diagnosis"}, "autist": {3, "eine Diagnose", "a diagnosis"}, "autistisch": {3, "eine Diagnose", "a diagnosis"},
	"autism": {3, "eine Diagnose", "a diagnosis"}, "autistic": {3, "eine Diagnose", "a diagnosis"}, "epilepsie": {3, "eine Diagnose", "a diagnosis"},
	"epilepsy": {3, "eine Diagnose", "a diagnosis"}, "diabetes": {3, "eine Diagnose", "a diagnosis"}, "leukaemie": {3, "eine Diagnose", "a diagnosis"},
	"leukemia": {3, "eine Diagnose", "a diagnosis"}, "krebs": {3, "eine Diagnose", "a diagnosis"}, "cancer": {3, "eine Diagnose", "a diagnosis"},
	"legasthenie": {3, "eine Diagnose", "a diagnosis"}, "dyslexia": {3, "eine Diagnose", "a diagnosis"}, "therapie": {2, "eine Therapie", "therapy"},
	"logopaedie": {2, "eine Therapie", "therapy"}, "ergotherapie": {2, "eine Therapie", "therapy"}, "therapy": {2, "eine Therapie", "therapy"},
	"entwicklungsverzoegerung": {3, "eine Diagnose", "a diagnosis"}, "seizure": {3, "eine Diagnose", "a diagnosis"}, "seizures": {3, "eine Diagnose", "a diagnosis"},
	"bauchschmerzen": {2, "Krankheit", "illness"}, "kopfschmerzen": {2, "Krankheit", "illness"}, "ausschlag": {2, "Krankheit", "illness"},
	"neurodermitis": {2, "Krankheit", "illness"}, "asthma": {2, "Krankheit", "illness"}, "allergie": {2, "Krankheit", "illness"},
	"eczema": {2, "Krankheit", "illness"}, "rash": {2, "Krankheit", "illness"}, "allergy": {2, "Krankheit", "illness"},
	"laeuse": {2, "Läuse", "lice"}, "lice": {2, "Läuse", "lice"}, "windpocken": {2, "Krankheit", "illness"},
	"chickenpox": {2, "Krankheit", "illness"}, "pneumonia": {2, "Krankheit", "illness"}, "lungenentzuendung": {2, "Krankheit", "illness"},
	// school trouble
	"sitzengeblieben": {2, "Schulprobleme", "school trouble"}, "sitzenbleiben": {2, "Schulprobleme", "school trouble"},
	"versetzungsgefaehrdet": {2, "Schulprobleme", "school trouble"}, "gemobbt": {2, "Mobbing", "bullying"}, "mobbing": {2, "Mobbing", "bullying"},
	"schulverweis": {2, "Schulprobleme", "school trouble"}, "nachsitzen": {2, "Schulprobleme", "school trouble"},
	"bullied": {2, "Mobbing", "bullying"}, "detention": {2, "Schulprobleme", "school trouble"}, "suspended": {2, "Schulprobleme", "school trouble"},
	"expelled": {2, "Schulprobleme", "school trouble"}, "flunked": {2, "Schulprobleme", "school trouble"}, "failing": {2, "Schulprobleme", "school trouble"},
}

// exposurePhrases are multi-word exposures on the normalised text.
var exposurePhrases = []struct {
	re     string
	sev    int
	de, en string
}{
	{`\bins bett gemacht\b`, 3, "Bettnässen", "bedwetting"},
	{`\bwet (?:the|his|her) bed\b`, 3, "Bettnässen", "bedwetting"},
	{`\bthrew up\b`, 2, "Erbrechen", "vomiting"},
	{`\bschlechte(?:n)? noten?\b`, 2, "Schulprobleme", "school trouble"},
	{`\b(?:eine )?(?:5|6|fuenf|sechs) in (?:mathe|deutsch|englisch)\b`, 2, "Schulprobleme", "school trouble"},
	{`\bbad grades?\b`, 2, "Schulprobleme", "school trouble"},
	{`\b(?:an? |first |another )f in (?:math|maths|english|science|spelling)\b`, 2, "Schulprobleme", "school trouble"},
	{`\bstomach (?:pains?|aches?)\b`, 2, "Krankheit", "illness"},
	{`\b(?:in|at|to) the er\b`, 2, "Krankenhaus", "hospital"},
	{`\bheld back\b`, 2, "Schulprobleme", "school trouble"},
	{`\bfailed (?:math|maths|english|science|the test|his test|her test)\b`, 2, "Schulprobleme", "school trouble"},
	{`\bmagen-darm\b`, 2, "Krankheit", "illness"},
	{`\bthrowing up\b`, 2, "Erbrechen", "vomiting"},
}

// Settings that make a first-person post a family post ("Einschulung", "first day of school").
var settingPhrasesDE = []string{`\beinschulung\b`, `\berste[rn]? schultag\b`, `\berste[rn]? (?:kita|kindergarten|krippen)-?tag\b`,
	`\b(?:kita|krippen)-?eingewoehnung\b`, `\beingewoehnung\b`, `\bschultuete\b`, `\bkindergeburtstag\b`, `\bschulanfang\b`, `\bi-?dötzchen\b`,
	`\bi-?doetzchen\b`, `\bschulkind\b`, `\bkita-?start\b`}
var settingPhrasesEN = []string{`\bfirst day of (?:school|kindergarten|preschool|pre-k|daycare|nursery|first grade|1st grade|kinder)\b`,
	`\bplay ?dates?\b`, `\bschool run\b`, `\bschool pick-?up\b`, `\bdaycare pick-?up\b`, `\bback to school\b`, `\bkindergarten graduation\b`,
	`\bpreschool graduation\b`}

// Parent identity ("Mama von zwei", "dad of 3").
var parentPhrases = []string{
	`\b(?:mama|mami|mutter|mum|mom|mommy|mummy|papa|papi|vater|dad|daddy|father|mother)\s+(?:von|of)\s+(?:zwei|drei|vier|fuenf|two|three|four|five|[2-9])\b`,
	`\b(?:zweifach|dreifach|vierfach|2-?fach|3-?fach)-?(?:mama|papa)\b`,
	`\b(?:boy|girl|twin)\s+(?:mom|mum|dad)\b`,
	`#(?:momlife|mumlife|dadlife|mamaleben|mamalife|papaleben|momsofinstagram|dadsofinstagram|mamablogger|kinderalltag|momblogger|toddlerlife|babylife|familienleben|sahm)\b`,
}

// placeStopDE are capitalised words after "in" that are not places ("in Ruhe").
var placeStop = set("ruhe", "zukunft", "kuerze", "ordnung", "sachen", "form", "zeiten", "deutschland", "europa", "urlaub", "rente", "elternzeit",
	"teilzeit", "vollzeit", "quarantaene", "sicherheit", "gefahr", "not", "eile", "angst", "natur", "wirklichkeit", "wahrheit", "bayern",
	"oesterreich", "schweiz", "frankreich", "italien", "spanien", "amerika", "england", "afrika", "asien", "betrieb", "arbeit", "gedanken",
	"kontakt", "mathe", "deutsch", "englisch", "sport", "musik", "kunst", "zeiten", "corona", "wahrheit", "echt", "summe", "hinsicht",
	"bezug", "zusammenarbeit", "kooperation", "anlehnung", "erinnerung", "gedenken", "liebe", "wahrheit", "fahrt", "schwung", "mode",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"januar", "februar", "maerz", "juni", "juli", "oktober", "dezember", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "christmas", "easter",
	"halloween", "weihnachten", "ostern", "minecraft", "fortnite", "roblox", "english", "french", "german", "spanish", "math",
	"maths", "science", "art", "school", "class", "bed", "time", "love", "public", "person", "general", "fact", "total", "order",
	"america", "usa", "uk", "europe", "canada", "australia", "germany", "france", "spain", "italy", "africa", "asia", "texas",
	"california", "florida", "the", "a", "an", "my", "our", "his", "her", "their", "this", "that", "tears", "pajamas", "pyjamas",
	"grade", "kindergarten", "preschool", "daycare", "hospital", "bath", "i", "uni", "schule", "kita", "ich", "wir", "es", "meinem",
	"unserem", "hd", "4k", "target", "walmart", "costco", "ikea", "aldi", "lidl", "rewe", "edeka", "tesco", "starbucks", "mcdonalds",
	"kmart", "primark", "amazon", "netflix", "youtube", "tiktok", "instagram", "color", "colour", "stereo", "lego", "disney", "peace", "pieces", "one", "two", "three", "teams", "zoom")

// firstNames are given names common among children in German- and English-speaking
// countries. A capitalised word counts as a child's name when it is one of them and
// stands next to a child reference.
var firstNames = set(
	// German-speaking countries
	"emma", "mia", "hannah", "hanna", "emilia", "sofia", "sophia", "sophie", "lina", "ella", "clara", "klara", "lea", "leah",
	"marie", "mila", "lena", "leonie", "anna", "luisa", "louisa", "frieda", "ida", "lia", "amelie", "johanna", "greta", "mathilda",
	"matilda", "lotta", "paula", "charlotte", "maja", "maya", "nele", "lilly", "lilli", "laura", "lara", "lisa", "pia", "jana", "julia",
	"helena", "alina", "elena", "zoe", "finja", "malia", "romy", "rosa", "ronja", "carla", "thea", "juna", "merle", "marlene", "elisa",
	"nora", "mira", "luise", "antonia", "katharina", "fiona", "isabella", "valentina", "victoria", "viktoria", "annika", "jasmin",
	"noah", "ben", "leon", "paul", "finn", "fynn", "elias", "felix", "jonas", "luis", "louis", "henry", "henri", "emil", "lukas", "lucas",
	"theo", "matteo", "oskar", "oscar", "anton", "liam", "maximilian", "moritz", "jakob", "jacob", "david", "niklas", "nico", "julian",
	"tim", "tom", "jan", "mats", "linus", "levi", "leo", "samuel", "mattis", "karl", "carl", "johann", "johannes", "friedrich", "vincent",
	"philipp", "alexander", "luca", "luka", "milan", "fabian", "simon", "jonathan", "erik", "eric", "hannes", "lasse", "ole", "till",
	"benjamin", "leonard", "valentin", "raphael", "rafael", "konstantin", "aaron", "mika", "mats", "jannik", "lennard", "lennart",
	"kilian", "timo", "malte", "bastian", "florian", "sebastian", "tobias", "dominik", "sami", "yusuf", "ali", "emir", "elif", "zeynep",
	"ayla", "amira", "lian", "noel", "fritz", "kurt", "bruno", "joshua", "joel", "marlon", "mathis", "lenny", "piet", "bent",
	"leni", "jule", "smilla", "ylvi", "nala", "tilda", "alma", "edda", "lotte", "liv", "malou", "mina", "nelly", "wilma", "hedda",
	"levin", "jona", "lias", "nils", "lars", "tjark", "jasper", "janne", "hugo", "rudi", "bela", "ilvy", "lou", "juri", "kian",
	"leano", "milo", "neo", "elyas", "ludwig", "maxi", "momo", "quentin", "magnus", "benno", "carlo", "enno", "hauke",
	// English-speaking countries
	"olivia", "amelia", "isla", "ava", "isabelle", "grace", "lily", "ivy", "freya", "florence", "evie", "poppy", "willow", "charlotte",
	"harper", "evelyn", "abigail", "emily", "madison", "chloe", "aria", "scarlett", "penelope", "layla", "riley", "nora", "zoey",
	"hazel", "aurora", "savannah", "brooklyn", "bella", "claire", "skylar", "lucy", "paisley", "everly", "naomi", "elena", "stella",
	"violet", "eleanor", "ellie", "addison", "natalie", "leah", "audrey", "maddie", "molly", "daisy", "rosie", "phoebe", "millie",
	"esme", "matilda", "sienna", "ruby", "alice", "jessica", "sarah", "katie", "megan", "hailey", "kaylee", "ellie", "mila", "luna",
	"oliver", "george", "arthur", "muhammad", "leo", "harry", "oscar", "archie", "jack", "charlie", "freddie", "alfie", "theodore",
	"thomas", "william", "james", "henry", "lucas", "mason", "ethan", "logan", "jackson", "aiden", "jayden", "elijah", "owen", "caleb",
	"wyatt", "carter", "grayson", "hudson", "lincoln", "levi", "isaac", "gabriel", "julian", "mateo", "anthony", "jaxon", "dylan",
	"ryan", "nathan", "isaiah", "christopher", "andrew", "joshua", "daniel", "michael", "matthew", "joseph", "samuel", "sebastian",
	"benjamin", "jacob", "liam", "noah", "alexander", "logan", "tyler", "brody", "cooper", "hunter", "connor", "jake", "josh", "luke",
	"finley", "harrison", "teddy", "reggie", "ronnie", "tommy", "billy", "bobby", "danny", "sammy", "toby", "max", "sam", "zach",
	"zachary", "evan", "aaron", "adam", "austin", "blake", "brandon", "caden", "colton", "eli", "ezra", "jonah", "kai", "micah",
	"lottie", "mabel", "ada", "iris", "maisie", "nancy", "sadie", "quinn", "piper", "wren", "remi", "rory", "ollie", "jude",
	"rowan", "otis", "ezekiel", "silas", "beau", "asher", "declan", "emmett", "miles", "roman", "wesley",
)

// ambiguousNames are given names that are also ordinary words; they count only
// right after a kinship word ("my son Will"), never on their own.
var ambiguousNames = set("max", "will", "may", "june", "grace", "hope", "faith", "joy", "ivy", "rosa", "bella", "mark", "art",
	"bill", "rose", "ruby", "hazel", "violet", "daisy", "poppy", "willow", "aurora", "stella", "paula", "lily", "lincoln", "hunter",
	"cooper", "carter", "mason", "harper", "savannah", "brooklyn", "skylar", "austin", "kai", "till", "ole", "bent", "piet", "jack")
