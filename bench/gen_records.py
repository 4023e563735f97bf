#!/usr/bin/env python3
"""Writes N synthetic relation records (the JSON Lines `newsgraph extract` writes) for the
merge benchmark.

Usage: gen_records.py N OUT.jsonl [PERSONS]      (defaults: PERSONS = 50000)

The records look like real extraction output at scale: about PERSONS distinct person names
(first name x surname from common lists, with diacritic and honorific-free variants), mentioned
with a heavy-tailed frequency (a few leaders in many records, most people in a few), categories
mixed like news (meeting 40%, office 25%, call 10%, membership 15%, affiliation 10%), about
N/10 documents, dates over 25 years, places, and an evidence sentence of 100-250 bytes. The
output is deterministic (fixed seed), so runs are comparable.
"""
import itertools
import json
import random
import sys

FIRST = """James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara
Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa Matthew Betty
Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle
Kenneth Dorothy Kevin Carol Brian Amanda George Melissa Edward Deborah Ronald Stephanie Timothy
Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Shirley Eric Angela
Jonathan Helen Stephen Anna Larry Brenda Justin Pamela Scott Nicole Brandon Emma Benjamin Samantha
Samuel Katherine Gregory Christine Frank Debra Alexander Rachel Raymond Catherine Patrick Carolyn
Jack Janet Dennis Ruth Jerry Maria Tyler Heather Aaron Diane Jose Virginia Adam Julie Henry Joyce
Nathan Victoria Douglas Olivia Zachary Kelly Peter Christina Kyle Lauren Walter Joan Ethan Evelyn
Jeremy Judith Harold Megan Keith Cheryl Christian Andrea Roger Hannah Noah Martha Gerald Jacqueline
Carl Frances Terry Gloria Sean Ann Austin Teresa Arthur Kathryn Lawrence Sara Jesse Janice Dylan
Jean Bryan Alice Joe Madison Jordan Doris Billy Abigail Bruce Julia Albert Judy Willie Grace Gabriel
Denise Logan Amber Alan Marilyn Juan Beverly Wayne Danielle Roy Theresa Ralph Sophia Randy Marie
Eugene Diana Vincent Brittany Russell Natalie Elijah Isabella Louis Charlotte Bobby Rose Philip
Alexis Johnny Kayla Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Nguyen Tran Le Pham Hoang Vladimir
Sergei Dmitry Olga Tatiana Ahmed Mohammed Ali Fatima Hassan Yusuf Ayesha Omar Hiroshi Yuki Takeshi
Haruto Emmanuel Angela Olaf Jens Ursula Annalena Francois Emmanuelle Jean-Pierre Pierre Giorgia
Mario Sergio Pedro Luiz Ignacio Narendra Rahul Priya Amit Sunita Recep Ekrem Kemal""".split()

LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez
Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green
Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz
Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan
Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood
James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster
Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher
Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno
West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall
Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb
Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon
Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer
Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn
Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen Peters Santos Hart Bradley Knight Elliott
Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry Perkins
Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter Lawrence Sandoval Guerrero George
Chapman Rios Estrada Ortega Watkins Greene Nunez Wheeler Valdez Harper Burke Larson Santiago Maldonado
Morrison Franklin Carlson Austin Dominguez Carr Lawson Jacobs Obrien Lynch Singh Vega Bishop Montgomery
Oliver Jensen Harvey Williamson Gilbert Dean Sims Espinoza Howell Li Wong Reid Hanson Le McCoy Garrett
Burton Fuller Wang Weber Welch Rojas Lucas Marquez Fields Park Yang Little Banks Padilla Day Walsh
Bowman Schultz Luna Fowler Mejia Davidson Acosta Brewer May Holland Juarez Newman Pearson Curtis
Cortez Douglas Schneider Joseph Barrett Navarro Figueroa Keller Avila Wade Molina Stanley Hopkins
Campos Barnett Bates Chambers Caldwell Beck Lambert Miranda Byrd Craig Ayala Lowe Frazier Powers
Neal Leonard Gregory Carrillo Sutton Fleming Rhodes Shelton Schwartz Norris Jennings Watts Duran
Walters Cohen McDaniel Moran Parks Steele Vaughn Becker Holt Deleon Barker Terry Hale Leon Hail
Benson Haynes Horton Miles Lyons Pham Graves Bush Thornton Wolfe Warner Cabrera McKinney Mann Zimmerman
Dawson Lara Fletcher Page McCarthy Love Robles Cervantes Solis Erickson Reeves Chang Klein Salinas
Fuentes Baldwin Daniel Simon Velasquez Hardy Higgins Aguirre Lin Cummings Chandler Sharp Barber
Bowen Ochoa Dennis Robbins Liu Ramsey Francis Griffith Paul Blair Oconnor Cardenas Pacheco Cross
Calderon Quinn Moss Swanson Chan Rivas Khan Rodgers Serrano Fitzgerald Rosales Stevenson Christensen
Manning Gill Curry McLaughlin Harmon McGee Gross Doyle Garner Newton Burgess Reese Walton Blake
Trujillo Adkins Brady Goodman Roman Webster Goodwin Fischer Huang Potter Delacruz Montoya Todd Wu
Hines Mullins Castaneda Malone Cannon Tate Mack Sherman Hubbard Hodges Zhang Guerra Wolf Valencia
Saunders Franco Rowe Gallagher Farmer Hammond Hampton Townsend Ingram Wise Gallegos Clarke Barton
Schroeder Maxwell Waters Logan Camacho Strickland Norman Person Colon Parsons Frank Harrington
Glover Osborne Buchanan Casey Floyd Patton Ibarra Ball Tyler Suarez Bowers Orozco Salas Cobb Gibbs
Andrade Bauer Conner Moody Escobar McGuire Lloyd Mueller Hartman French Kramer McBride Pope Lindsey
Velazquez Norton McCormick Sparks Flynn Yates Hogan Marsh Macias Villanueva Zamora Pratt Stokes Owen
Ballard Lang Brock Villarreal Charles Drake Barrera Cain Patrick Pineda Burnett Mercado Santana
Shepherd Bautista Ali Shaffer Lamb Trevino McKenzie Hess Beil Olsen Cochran Morton Nash Wilkins
Petersen Briggs Shah Roth Nicholson Holloway Lozano Rangel Flowers Hoover Short Arias Mora Valenzuela
Bryan Meyers Weiss Underwood Bass Greer Summers Houston Carson Morrow Clayton Whitaker Decker Yoder
Collier Zuniga Carey Wilcox Melendez Poole Roberson Larsen Conley Davenport Copeland Massey Lam Huff
Rocha Cameron Jefferson Hood Monroe Anthony Pittman Huynh Randall Singleton Kirk Combs Mathis
Christian Skinner Bradford Richard Galvan Wall Boone Kirby Wilkinson Bridges Bruce Atkinson
Velez Meza Roy Vincent York Hodge Villa Abbott Allison Tapia Gates Chase Sosa Sweeney Farrell
Wyatt Dalton Horn Barron Phelps Yu Dickerson Heath Foley Atkins Mathews Bonilla Acevedo Benitez
Zavala Hensley Glenn Cisneros Harrell Shields Rubio Huffman Choi Boyer Garrison Arroyo Bond Kane
Hancock Callahan Dillon Cline Wiggins Grimes Arellano Melton Oneill Savage Ho Beltran Pitts Parrish
Ponce Rich Booth Koch Golden Ware Brennan McDowell Marks Cantu Humphrey Baxter Sawyer Clay Tanner
Hutchinson Kaur Berg Wiley Gilmore Russo Villegas Hobbs Keith Wilkerson Ahmed Beard McClain
Montes Mata Rosario Vang Walter Henson Oneal Mosley McClure Beasley Stephenson Snow Huerta Preston
Vance Barry Johns Eaton Blackwell Dyer Prince Macdonald Solomon Guevara Stafford English Hurst
Woodard Cortes Shannon Kemp Nolan McCullough Merritt Murillo Moon Salgado Strong Kline Cordova
Barajas Roach Rosas Winters Jacobson Lester Knox Bullock Kerr Leach Meadows Davila Orr Whitehead
Pruitt Kent Conway McKee Barr David Dejesus Marin Berger McIntyre Blankenship Gaines Palacios
Cuevas Bartlett Durham Dorsey McCall Odonnell Stein Browning Stout Lowery Sloan McLean Hendricks
Calhoun Sexton Chung Gentry Hull Duarte Ellison Nielsen Gillespie Buck Middleton Sellers Leblanc
Esparza Hardin Bradshaw McIntosh Howe Livingston Frost Glass Morse Knapp Herman Stark Bravo Noble
Spears Weeks Corona Frederick Buckley McFarland Hebert Enriquez Hickman Quintero Randolph Schaefer
Walls Trejo House Reilly Pennington Michael Conrad Giles Benjamin Crosby Fitzpatrick Donovan Mays
Mahoney Valentine Raymond Medrano Hahn McMillan Small Bentley Felix Peck Lucero Boyle Hanna Pace
Rush Hurley Harding McConnell Bernal Nava Ayers Everett Ventura Avery Pugh Mayer Bender Shepard
McMahon Landry Case Sampson Moses Magana Blackburn Dunlap Gould Duffy Vaughan Herring McKay Espinosa
Rivers Farley Bernard Ashley Friedman Potts Truong Costa Correa Blevins Nixon Clements Fry Delarosa
Best Benton Lugo Portillo Dougherty Crane Haley Phan Villalobos Blanchard Horne Finley Quintana Lynn
Esquivel Bean Dodson Mullen Xiong Hayden Cano Levy Huber Richmond Moyer Lim Frye Sheppard McCarty
Avalos Booker Waller Parra Woodward Jaramillo Krueger Rasmussen Brandt Peralta Donaldson Stuart
Faulkner Maynard Galindo Coffey Estes Sanford Burch Maddox Vo Oconnell Vu Andersen Spence McPherson
Church Schmitt Stanton Leal Cherry Compton Dudley Sierra Pollard Alfaro Hester Proctor Lu Hinton
Novak Good Madden McCann Terrell Jarvis Dickson Reyna Cantrell Mayo Branch Hendrix Rollins Rowland
Whitney Duke Odom Daugherty Travis Tang Archer""".split()

TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "chairman", "Finance Minister",
          "Secretary of State", "Vice President", "General Secretary", "ambassador", "governor", "senator",
          "chief executive", "Deputy Prime Minister", "spokesman", "Interior Minister", "Trade Minister"]
COUNTRIES = ["China", "Vietnam", "United States", "Russia", "India", "Japan", "Germany", "France", "Brazil",
             "Turkey", "United Kingdom", "Indonesia", "Mexico", "Nigeria", "Egypt", "Canada", "Australia",
             "South Korea", "Italy", "Spain", "Poland", "Ukraine", "Iran", "Israel", "Pakistan", "Kenya"]
ORG_PATTERNS = ["National Assembly of {c}", "Ministry of Foreign Affairs of {c}", "Central Bank of {c}",
                "{c} Chamber of Commerce", "Communist Party of {c}", "University of {c}",
                "{c} Football Association", "Supreme Court of {c}", "{c} Oil Corporation"]
PARTIES = ["Conservative Party", "Labour Party", "Democratic Party", "Republican Party", "Liberal Democrats",
           "Communist Party of Vietnam", "Communist Party of China", "Social Democratic Party",
           "Christian Democratic Union", "Bharatiya Janata Party", "Indian National Congress"]
PLACES = ["Beijing", "Hanoi", "Washington", "Moscow", "London", "Paris", "Berlin", "Tokyo", "New Delhi",
          "Brussels", "Geneva", "New York", "Ankara", "Cairo", "Nairobi", "Jakarta", "Canberra", "Ottawa"]
CATEGORIES = [("meeting", "met_with", 40), ("office", "holds_office", 25), ("call", "phoned", 10),
              ("membership", "member_of", 15), ("affiliation", "affiliated_with", 10)]
VERBS = {"meeting": "met", "call": "phoned", "membership": "is a member of", "affiliation": "works for"}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n = int(sys.argv[1])
    out_path = sys.argv[2]
    persons_wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 50000
    rng = random.Random(20240601)

    pairs = list(itertools.product(sorted(set(FIRST)), sorted(set(LAST))))
    rng.shuffle(pairs)
    if persons_wanted > len(pairs):
        # Middle initials give more distinct names when the lists run out.
        extra = [(f"{f} {chr(65 + i % 26)}.", l) for i, (f, l) in enumerate(pairs)]
        pairs += extra
    persons = [f"{f} {l}" for f, l in pairs[:persons_wanted]]
    # Heavy tail: rank r is drawn with weight 1/(r+10)^0.9.
    cum, total = [], 0.0
    for r in range(len(persons)):
        total += 1.0 / (r + 10) ** 0.9
        cum.append(total)
    orgs = [p.format(c=c) for p in ORG_PATTERNS for c in COUNTRIES]
    cats = [c for c, _, w in CATEGORIES for _ in range(w)]
    rel_of = {c: r for c, r, _ in CATEGORIES}
    docs = max(1, n // 10)

    def person():
        return rng.choices(persons, cum_weights=cum)[0]

    with open(out_path, "w", encoding="utf-8") as out:
        for i in range(n):
            cat = rng.choice(cats)
            doc = f"syn-{rng.randrange(docs):07d}"
            subj = person()
            rec = {"doc": doc, "relation": rel_of[cat], "category": cat,
                   "symmetric": cat in ("meeting", "call"), "subject": subj}
            if cat in ("meeting", "call"):
                obj = person()
                while obj == subj:
                    obj = person()
                rec["object"] = obj
            elif cat == "office":
                title = rng.choice(TITLES)
                org = rng.choice(orgs) if rng.random() < 0.7 else None
                rec["object"] = f"{title} of {org}" if org else title
                rec["title"] = title
                rec["org"] = org
                rec["former"] = rng.random() < 0.1
            elif cat == "membership":
                rec["object"] = rec["org"] = rng.choice(PARTIES)
            else:
                rec["object"] = rec["org"] = rng.choice(orgs)
            place = rng.choice(PLACES) if rng.random() < 0.4 else None
            verb = VERBS.get(cat, "serves as")
            evidence = (f"{subj} {verb} {rec['object']}" + (f" in {place}" if place else "") +
                        " on Tuesday, officials said, according to a statement released after the talks"
                        + " ended" * rng.randrange(1, 20) + ".")
            start = rng.randrange(0, 20000)
            rec["evidence"] = evidence
            rec["span"] = [start, start + len(evidence.encode("utf-8"))]
            rec["date"] = f"{rng.randrange(2000, 2025)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}" \
                if rng.random() < 0.8 else None
            rec["place"] = place
            rec["rule"] = f"{cat}.synthetic-{rng.randrange(8)}"
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{out_path}: {n} records, {len(persons)} persons, {docs} documents", file=sys.stderr)


if __name__ == "__main__":
    main()
