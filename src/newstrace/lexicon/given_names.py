"""Common given names by origin, with their usual gender: data only.

Written by hand for the names news copy carries and our first tables lacked: South Asian
(Hindi, Bengali, Marathi, Gujarati, Punjabi and Sikh, Tamil, Telugu, Kannada, Malayalam,
Nepali, Sinhala), Muslim names of South Asia and the Arab, Persian and Turkish worlds,
African names, and common English and European names. Lowercase ASCII, as ``names.normalise``
leaves a name.

Left out on purpose: names that are also common English words ("will", "mark", "grace",
"hope", "bill"), common places ("victoria", "georgia", "paris", "jordan"), and words that
are mostly surnames or middle names in the languages they come from ("kumar", "singh",
"lal", "prasad", "rao", "shah", "khan", "dev", "das"): a given name is read as the start
of a person's name, and a surname there would make any "Kumar Something" a person.
"""

from __future__ import annotations

_SOUTH_ASIAN_MALE = """
    aamir aarav abhay abhijit abhinav abhishek aditya ajay ajit akash akhilesh akshay alok
    amar amarinder amit amitabh amol amrit anand anant anil anirban aniruddha ankit anoop
    anshul anupam anurag arjun arun arvind ashish ashok ashwin atul avinash bhagwant
    bhupender bhupendra bhupesh biplab brijesh chandan chandrababu chandrashekhar chetan
    chirag deepak devendra dhananjay dharmendra dhruv digvijay dilip dinesh dipankar eknath
    ganesh gaurav gautam girish gopal govind gurpreet gurmeet harish harshvardhan
    hemant himanshu hitesh jagdish jagan jaishankar jatin jayant jitendra jyotiraditya kailash
    kamal kamlesh kapil karan kaushik keshav kiran kirti kishore krishna kuldeep
    lalit madhav mahendra mahesh mallikarjun manish manoj mansukh mayank milind mohan mukesh
    mukul murali nagendra nakul naresh narendra naveen navjot nayab nilesh nirmal nitin
    nitish omkar pankaj paresh parth pawan piyush pradeep pralhad pramod pranab prashant
    pratap praveen prem prithviraj priyank pushkar raghav raghu rahul rajat rajeev rajendra
    rajesh rajinder rajiv rajnath rakesh ramesh ranjan ravi ravindra ritesh rohan rohit
    sachin sagar sambit sameer sandeep sanjay sanjeev santosh satish satyadeo satyendra
    saurabh shailesh shankar sharad shashi shivraj shrikant shyam siddharth
    subhash sudhir sukhbir sumit sunil suresh surinder sushil swapan tarun tejashwi tushar
    uddhav umesh upendra vaibhav varun vasant venkaiah venkatesh vijay vikas vikram vinay
    vinod vipin vishal vivek yashwant yogendra yogesh
    abdul anwar arif asad ashraf asif ayaan azhar babar faisal farooq fawad feroz hamid
    imran irfan javed junaid kamran mehboob naveed nawaz owais parvez qamar rashid rizwan
    sajid salman saqib shahbaz shahid shehbaz sohail tanvir tariq waqar yasir zafar zubair
    bidhan debashis jyoti kaushal prabir pranav sourav subrata sudip
    arumugam ilango kamaraj murugan senthil
    udhayanidhi jagadish revanth chiranjeevi
    pinarayi oommen ramesh sasi
    pushpa
    mahinda gotabaya ranil sajith
 """
_SOUTH_ASIAN_FEMALE = """
    aishwarya akanksha alka amrita anita anjali ankita anupriya anushka aparna archana arti
    asha bhavna chhaya deepa deepika divya geeta hema indira isha jaya jayalalithaa
    kajal kalpana kangana kavita kavitha kiranjit kirron lakshmi lata madhuri mamata
    mayawati meena meenakshi meera menaka mithali monika nandini neha nidhi nirmala nisha
    pallavi pooja poonam prachi pratibha preeti priya priyanka radha rashmi rekha renu
    richa ritu rupa sadhana sangeeta sania sarita savita seema shabana shalini sheetal
    shilpa shobha shreya shweta smita smriti sneha sonal sonia sudha sujata sumitra sunita
    supriya sushma swati tanvi uma urmila usha vandana vasundhara vidya yamini
    farah nargis nusrat rubina sabina shazia tasneem zainab zeenat
    mahua supriya
    bilkis
    chandrika
 """
_ARABIC_PERSIAN_TURKISH_MALE = """
    abbas adel adnan ahmed akram alaa ammar amr anas ashraf ayman bashar bassam bassem
    fadi fahd farid fawzi fouad ghassan hadi hamza hani haitham hazem hisham
    ismail jamal jawad kamal karim majid marwan mazen mohsen mostafa mustafa nabil nader
    naji nizar osama qasim rami riad saad saeed said salah saleh salim sami samir
    sharif tarek walid wael yasser zaid ziad
    ali reza hamed mehdi mahmoud masoud mojtaba morteza hassan hossein ebrahim javad
    abolfazl behrouz dariush farhad kaveh kourosh
    recep mevlut hakan emre burak murat kemal selahattin devlet ekrem mehmet
    ismael yahya ismail
 """
_ARABIC_PERSIAN_TURKISH_FEMALE = """
    amal amina asma dina farida ghada hala hanan hiba houda huda iman inas jamila
    laila layla leila lina lubna maha nadia najat nawal noor nour rania rasha
    reem salma samira souad yasmin yasmine zahra zeinab
    narges shirin parisa mahsa neda
    ayse elif emine meral zeynep
 """
_AFRICAN_MALE = """
    barack
    abiy adebayo babatunde chidi chinedu chukwuemeka cyril emeka femi goodluck jomo kwame
    kofi kwabena muhammadu nnamdi oluwaseun olusegun raila seun tunde uhuru yoweri
 """
_AFRICAN_FEMALE = """
    adaeze amara chiamaka chimamanda ngozi nkechi nkosazana wangari yewande folake
 """
_EUROPEAN_MALE = """
    adrian albert alberto alfred alfredo andreas angelo arnold arthur axel benedict bernard
    bernd bruno caleb cameron carl cedric christian claude colin conor craig
    damian darren dean declan derek dieter dominic douglas dylan edgar edmund elliot emil
    emmanuel enrico eric erik ernest ethan evan fabian felix fernando finn florian franco
    freddie gareth gary gavin geoffrey gerald gerard gilbert giorgio glenn gordon graham
    gustav harold harvey hector heinz herbert howard hugh hugo isaac jacob jared jason
    javier jeffrey jeremy jerome jesse joel jonas jordi julian julien justin keith kenneth
    klaus kurt lars laurent lionel lorenzo luca lucas luigi luis luke manuel marc
    marcel marco marcus mario mathieu matthias maurice maximilian michel miguel nathaniel
    neil nigel noah norman olaf oliver otto owen pascal patrick philip philippe pierre
    rafael ralf ralph raphael raul raymond reinhard rene roger roland roman ronald rudolf
    rupert russell ryan salvatore samuel scott sebastian sergio seth shane simon stefano
    stuart sven theodore timothy tobias travis trevor ulrich vincent walter warren werner
    wolfgang xavier yannick
    brandon brett bruce clint cody curtis dennis dominik donovan duncan
    edwin elijah elliott emmett eugene garrett gregg gregory harrison ian jeff jerry
    joey jonah josiah kurtis kyle lee leonard leroy lewis malcolm marvin
    melvin mitchell nicholas perry phil preston randall reggie rodney ross roy
    sean spencer stanley stephen terry thibaut todd vernon wayne wesley
    zachary evel
 """
_EUROPEAN_FEMALE = """
    adriana agnes alexa alicia alison amanda amelia andrea angelica angelina anita annette
    antonia ashley audrey barbara beatrice belinda bernadette bianca brenda bridget brigitte
    camila camille carla carmen caroline cassandra cecilia celine chiara
    christina christine cindy claire clara claudia colette cynthia daniela danielle deborah
    denise diana donna dorothy eleanor elisa eloise emilia emily esther eva evelyn
    fiona francesca gabriela gabrielle giulia gloria greta hannah heidi
    ilse ines ingrid isabelle jacqueline janet janice jeanine jeannine jessica jill joan
    joanna jocelyn josephine joyce juliana juliet karen karin katrin kelly kerstin kimberly
    kristi kristina kristin laura lauren linda lorena louise lucia lucy luisa
    madeleine manon margot marianne marion martha martina melanie melissa
    michelle miranda monica naomi nicole nina nora pamela paola patricia paula
    pauline petra rachel renate rita roberta rosa ruth sandra sara sarah
    sharon silvia simone stephanie susanne sylvia tamara teresa theresa ursula vanessa
    veronica vivian wendy yvonne
    amy beverly candace carrie cheryl christie courtney dana
    debbie diane ellie gina gwen jeanne jodi judith judy julie kamala kathleen kay
    kristen lisa lori marcia marsha megan meghan nikki peggy rebekah
    shirley stacey stacy susie tammy tina tracy valerie
    hillary ivanka melania nancy
 """
_UNISEX = """
    ashley jamie jordan kim robin alex sasha taylor morgan casey
 """

# Listed above for completeness, left out: places or words more often than names ("said").
_LEFT_OUT = frozenset({"jordan", "morgan", "taylor", "ashley", "casey", "said"})


def _names(block: str) -> frozenset[str]:
    return frozenset(name for name in block.split() if name not in _LEFT_OUT)


MALE = _names(
 _SOUTH_ASIAN_MALE + _ARABIC_PERSIAN_TURKISH_MALE + _AFRICAN_MALE + _EUROPEAN_MALE
)
FEMALE = _names(
 _SOUTH_ASIAN_FEMALE + _ARABIC_PERSIAN_TURKISH_FEMALE + _AFRICAN_FEMALE + _EUROPEAN_FEMALE
)
# Names listed under both genders, or used for both, tell no gender.
UNISEX = _names(_UNISEX) | (MALE & FEMALE)

GIVEN_NAME_GENDERS: dict[str, str | None] = {
 **{name: "male" for name in MALE - UNISEX},
 **{name: "female" for name in FEMALE - UNISEX},
 **{name: None for name in UNISEX},
}
