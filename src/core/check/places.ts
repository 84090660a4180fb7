import { contentTerms } from '../search/tokenize';

// News writing names a government by its capital or seat ("Beijing said", "the Kremlin"), so a
// country, its capital, its seat of power and its irregular demonym stand for one another.
// One country a line: Country|Capital|other names (demonyms a shared stem does not catch, seats).
const COUNTRIES = `
Afghanistan|Kabul|Afghan
Albania|Tirana
Algeria|Algiers
Argentina|Buenos Aires
Armenia|Yerevan
Australia|Canberra
Austria|Vienna
Azerbaijan|Baku
Bangladesh|Dhaka
Belarus|Minsk|Belarusian
Belgium|Brussels|Belgian
Bolivia|La Paz
Bosnia|Sarajevo
Brazil|Brasilia
Bulgaria|Sofia
Cambodia|Phnom Penh
Canada|Ottawa|Canadian
Chile|Santiago
China|Beijing|Chinese,Zhongnanhai,PRC
Colombia|Bogota
Croatia|Zagreb
Cuba|Havana
Cyprus|Nicosia|Cypriot
Czech Republic|Prague|Czech
Denmark|Copenhagen|Danish
Egypt|Cairo|Egyptian
Estonia|Tallinn
Ethiopia|Addis Ababa
Finland|Helsinki|Finnish
France|Paris|French,Elysee
Georgia|Tbilisi
Germany|Berlin|German
Greece|Athens|Greek
Hungary|Budapest
India|New Delhi|Indian
Indonesia|Jakarta
Iran|Tehran|Iranian
Iraq|Baghdad|Iraqi
Ireland|Dublin|Irish
Israel|Jerusalem|Israeli
Italy|Rome|Italian
Japan|Tokyo|Japanese
Jordan|Amman
Kazakhstan|Astana|Kazakh
Kenya|Nairobi
Kyrgyzstan|Bishkek|Kyrgyz
Latvia|Riga
Lebanon|Beirut|Lebanese
Libya|Tripoli
Lithuania|Vilnius
Malaysia|Kuala Lumpur
Mexico|Mexico City|Mexican
Moldova|Chisinau
Mongolia|Ulaanbaatar
Morocco|Rabat
Myanmar|Naypyidaw|Burma,Burmese
Nepal|Kathmandu
Netherlands|Amsterdam|Dutch,The Hague
New Zealand|Wellington
Nigeria|Abuja
North Korea|Pyongyang
Norway|Oslo|Norwegian
Pakistan|Islamabad|Pakistani
Peru|Lima
Philippines|Manila|Filipino,Philippine
Poland|Warsaw|Polish
Portugal|Lisbon|Portuguese
Qatar|Doha
Romania|Bucharest
Russia|Moscow|Russian,Kremlin
Saudi Arabia|Riyadh|Saudi
Serbia|Belgrade
Singapore|Singapore
Slovakia|Bratislava|Slovak
Slovenia|Ljubljana
South Africa|Pretoria
South Korea|Seoul|Korean
Spain|Madrid|Spanish
Sri Lanka|Colombo
Sweden|Stockholm|Swedish
Switzerland|Bern|Swiss
Syria|Damascus|Syrian
Taiwan|Taipei|Taiwanese
Tajikistan|Dushanbe|Tajik
Thailand|Bangkok|Thai
Turkey|Ankara|Turkish,Turkiye
Turkmenistan|Ashgabat
Ukraine|Kyiv|Ukrainian,Kiev
United Arab Emirates|Abu Dhabi|UAE,Emirati
United Kingdom|London|UK,Britain,British,Downing Street,Whitehall
United States|Washington|US,USA,America,American,White House,Pentagon
Uzbekistan|Tashkent|Uzbek
Venezuela|Caracas
Vietnam|Hanoi|Vietnamese
Yemen|Sanaa
`;

export interface PlaceName {
  /** Whether the name is the country's capital city (a place inside it, not the whole country). */
  capital: boolean;
  /** The other names of its country, each as index terms: "Beijing" -> [["china"], ["chines"], ...]. */
  aliases: string[][];
}

/** Keyed by a name's index terms joined by spaces ("new delhi"). */
const PLACES = buildPlaces();

function buildPlaces(): Map<string, PlaceName> {
  const places = new Map<string, PlaceName>();
  for (const line of COUNTRIES.split('\n').filter((l) => l.includes('|'))) {
    const [country, capital, others = ''] = line.split('|');
    // Acronyms keep their own terms ("US" -> "us_"), as in the index.
    const names = [country, capital, ...others.split(',').filter(Boolean)].map((name) => contentTerms(name));
    names.forEach((name, i) => {
      places.set(name.join(' '), { capital: i === 1, aliases: names.filter((other) => other !== name) });
    });
  }
  return places;
}

export function placeName(terms: readonly string[]): PlaceName | undefined {
  return PLACES.get(terms.join(' '));
}

/** The index term of "capital": "the Chinese capital" names Beijing as a place. */
export const CAPITAL_TERM = contentTerms('capital')[0];
