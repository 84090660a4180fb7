// Countries with their capitals, seats of government and the names news writing gives them
// ("Beijing said", "the Kremlin", "Downing Street"). General geography, kept as a table because
// WordNet lacks much of it: it links 58 of 70 sampled country~capital/demonym pairs but has no
// seats of government (Kremlin, White House, Pentagon, Downing Street, Elysee), no newer names
// (Kyiv, Turkiye), links London to England rather than the United Kingdom and British to no
// country, and the checker needs every name of a country listed, which relation() does not give.
// One country a line: Country|Capital|other names (demonyms, seats of government, old names).
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

export interface Country {
  country: string;
  capital: string;
  others: string[];
}

export const COUNTRY_NAMES: readonly Country[] = COUNTRIES.split('\n')
  .filter((line) => line.includes('|'))
  .map((line) => {
    const [country, capital, others = ''] = line.split('|');
    return { country, capital, others: others.split(',').filter(Boolean) };
  });
