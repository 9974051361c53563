// Demo mechanisms: the main mechanisms of the demo organizations, from public knowledge checked against the
// organizations' own descriptions. The issue mapping is the demo's reading, not the organizations' word.
import type {
  DevelopingSupport,
  GovernmentParticipation,
  MechanismType,
  StakeholderParticipation,
} from './vocabulary.ts'

export interface DemoMechanism {
  /** the organization's acronym (or English name when it has none) as in actors/demo-data.ts */
  organization: string
  name: string
  type: MechanismType
  description: string
  issues: string[]
  /** how governments take part in the mechanism's own work: its decisions, or for a programme its activities */
  governments: GovernmentParticipation
  /** how non-governmental stakeholders take part, read the same way */
  stakeholders: StakeholderParticipation
  support: DevelopingSupport[]
  website: string
}

export const DEMO_MECHANISMS: DemoMechanism[] = [
  // ITU
  {
    organization: 'ITU',
    name: 'ITU Plenipotentiary Conference',
    type: 'treaty_body',
    description:
      "ITU's highest policy-making body, held every four years (PP-26: Doha, November 2026). Member States, one vote each, amend the Constitution and Convention, adopt the strategic and financial plans, elect the leadership and adopt resolutions such as Res. 101-102 (Internet), 130 (security), 179 (child online protection), 70 (gender) and 175 (accessibility). Sector Members and other organizations attend only as observers.",
    issues: [
      'telecom-infrastructure',
      'critical-internet-resources',
      'cybersecurity',
      'child-online-protection',
      'access-digital-divide',
      'gender-rights-online',
      'rights-of-persons-with-disabilities',
    ],
    governments: 'equal_footing',
    stakeholders: 'observer',
    support: ['fellowships', 'interpretation'],
    website: 'https://pp.itu.int/2026/en/',
  },
  {
    organization: 'ITU',
    name: 'Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)',
    type: 'coordination_body',
    description:
      'Set up by Council Resolution 1336 under PP Resolution 102. Its meetings are for Member States only. Other stakeholders take part only through the open online and physical consultations it holds before each meeting (Council Res. 1344). Consultation topics have included spam, IXPs, access for persons with disabilities, the enabling environment for access and the digital gender divide.',
    issues: [
      'critical-internet-resources',
      'spam',
      'access-digital-divide',
      'investment-connectivity',
      'rights-of-persons-with-disabilities',
      'gender-rights-online',
    ],
    governments: 'equal_footing',
    stakeholders: 'consultative',
    support: ['remote_participation'],
    website: 'https://www.itu.int/en/council/cwg-internet/Pages/default.aspx',
  },
  {
    organization: 'ITU',
    name: 'ITU-T study groups',
    type: 'standards_body',
    description:
      'The study groups of the Telecommunication Standardization Sector draft and approve ITU-T Recommendations by consensus (e.g. SG17 on security, SG13 on future networks including quantum key distribution, SG20 on IoT, SG5 on environment). Member States, Sector Members, Associates and Academia take part in the work. Recommendations with policy or regulatory implications are approved by Member States alone.',
    issues: [
      'internet-standards',
      'telecom-infrastructure',
      'cybersecurity',
      'internet-of-things',
      'digital-environment',
      'quantum',
      'artificial-intelligence',
    ],
    governments: 'equal_footing',
    stakeholders: 'full_member',
    support: ['fellowships', 'remote_participation'],
    website: 'https://www.itu.int/en/ITU-T/studygroups/',
  },
  {
    organization: 'ITU',
    name: 'WSIS Forum',
    type: 'forum',
    description:
      'The annual multistakeholder forum on implementing the WSIS Action Lines. ITU organizes it with UNESCO, UNCTAD and UNDP. It is open to governments, business, civil society, academia and international organizations on the same terms, and it negotiates nothing.',
    issues: [
      'sustainable-development',
      'access-digital-divide',
      'capacity-development',
      'online-education',
      'cultural-diversity',
      'digital-environment',
    ],
    governments: 'equal_footing',
    stakeholders: 'full_member',
    support: ['remote_participation'],
    website: 'https://www.itu.int/net4/wsis/forum/',
  },
  {
    organization: 'ITU',
    name: 'ITU Academy',
    type: 'capacity_building',
    description:
      "ITU's training platform, run by the Telecommunication Development Bureau, offering online and face-to-face courses with partner training centres. Government officials and other professionals enrol on the same terms. The programme is steered by the membership through ITU-D.",
    issues: ['capacity-development', 'telecom-infrastructure', 'cybersecurity', 'access-digital-divide'],
    governments: 'equal_footing',
    stakeholders: 'full_member',
    support: ['remote_participation'],
    website: 'https://academy.itu.int',
  },

  // UNESCO
  {
    organization: 'UNESCO',
    name: 'UNESCO General Conference',
    type: 'treaty_body',
    description:
      "UNESCO's governing body of all Member States, one vote each, meeting every two years. It has adopted the Recommendation on the Ethics of Artificial Intelligence (2021), the Recommendation on Open Educational Resources (2019), the Convention on the Diversity of Cultural Expressions (2005) and the Recommendation on Multilingualism and Universal Access to Cyberspace (2003). NGOs in official partnership and IGOs attend as observers.",
    issues: [
      'artificial-intelligence',
      'multilingualism',
      'cultural-diversity',
      'online-education',
      'freedom-of-expression',
    ],
    governments: 'equal_footing',
    stakeholders: 'observer',
    support: ['interpretation'],
    website: 'https://www.unesco.org/en/general-conference',
  },
  {
    organization: 'UNESCO',
    name: 'Information for All Programme (IFAP)',
    type: 'coordination_body',
    description:
      'An intergovernmental programme created in 2001 and guided by a Council of Member States elected by the General Conference. Its six priorities are information for development, information literacy, information ethics, information preservation, information accessibility and multilingualism. Stakeholders contribute through national IFAP committees and attend Council sessions as observers.',
    issues: [
      'access-digital-divide',
      'multilingualism',
      'online-education',
      'information-integrity',
      'rights-of-persons-with-disabilities',
    ],
    governments: 'equal_footing',
    stakeholders: 'observer',
    support: ['interpretation', 'remote_participation'],
    website: 'https://www.unesco.org/en/ifap',
  },

  // UNCTAD
  {
    organization: 'UNCTAD',
    name: 'Commission on Science and Technology for Development (CSTD) secretariat',
    type: 'coordination_body',
    description:
      "A functional commission of ECOSOC with 43 member States, serviced by UNCTAD, and the UN system's focal point for WSIS follow-up (ECOSOC Res. 2006/46). It hosted the Working Groups on Enhanced Cooperation and, under the Global Digital Compact, a working group on data governance. Accredited NGOs, WSIS-accredited entities and academia take part in its sessions without a vote.",
    issues: [
      'sustainable-development',
      'technology-transfer',
      'access-digital-divide',
      'capacity-development',
      'artificial-intelligence',
      'data-governance',
    ],
    governments: 'equal_footing',
    stakeholders: 'consultative',
    support: ['interpretation'],
    website: 'https://unctad.org/topic/commission-on-science-and-technology-for-development',
  },
  {
    organization: 'UNCTAD',
    name: 'eTrade for all',
    type: 'capacity_building',
    description:
      "An UNCTAD-led initiative launched in 2016 with partner international organizations. Its eTrade Readiness Assessments are carried out at a government's request and cover seven policy areas; national stakeholders are consulted in each assessment. The initiative also includes eTrade for Women.",
    issues: [
      'ecommerce-trade',
      'capacity-development',
      'access-digital-divide',
      'digital-finance',
      'gender-rights-online',
    ],
    governments: 'equal_footing',
    stakeholders: 'consultative',
    support: [],
    website: 'https://etradeforall.org',
  },
  {
    organization: 'UNCTAD',
    name: 'Intergovernmental Group of Experts on E-commerce and the Digital Economy',
    type: 'forum',
    description:
      "An expert body of UNCTAD's member States, meeting yearly since 2017, with a Working Group on Measuring E-commerce and the Digital Economy. It agrees policy recommendations for the Trade and Development Board. Experts from business, civil society and academia speak on panels and may submit written contributions.",
    issues: ['ecommerce-trade', 'data-governance', 'competition', 'sustainable-development'],
    governments: 'equal_footing',
    stakeholders: 'observer',
    support: ['interpretation', 'remote_participation'],
    website: 'https://unctad.org/topic/ecommerce-and-digital-economy',
  },

  // WIPO
  {
    organization: 'WIPO',
    name: 'Standing Committee on Copyright and Related Rights (SCCR)',
    type: 'treaty_body',
    description:
      "WIPO Member States' committee on copyright norm-setting: it prepared the Marrakesh Treaty for persons with print disabilities (2013) and works on the protection of broadcasting organizations and on limitations and exceptions for libraries, archives and education. Accredited NGOs take part as observers.",
    issues: ['intellectual-property', 'cultural-diversity', 'online-education', 'rights-of-persons-with-disabilities'],
    governments: 'equal_footing',
    stakeholders: 'observer',
    support: ['interpretation', 'remote_participation'],
    website: 'https://www.wipo.int/policy/en/sccr/',
  },
  {
    organization: 'WIPO',
    name: 'WIPO Arbitration and Mediation Center (UDRP)',
    type: 'coordination_body',
    description:
      "The leading provider under ICANN's Uniform Domain Name Dispute Resolution Policy since 1999; it also serves many country-code domains. The vocabulary has no type for a dispute service, so it is filed as a coordination body. Governments and stakeholders have no say in its rules or decisions: independent panelists decide cases brought by trademark owners against domain holders, who take part only as parties.",
    issues: ['dispute-resolution', 'intellectual-property'],
    governments: 'none',
    stakeholders: 'none',
    support: ['remote_participation'],
    website: 'https://www.wipo.int/amc/en/domains/',
  },

  // UNODC
  {
    organization: 'UNODC',
    name: 'Global Programme on Cybercrime',
    type: 'capacity_building',
    description:
      'Technical assistance delivered since 2013 at the request of Member States (GA Res. 65/230, CCPCJ Res. 22/7 and 22/8). It trains investigators, prosecutors and judges in digital evidence, darknet and virtual-asset investigations and online child sexual exploitation cases. Civil society and the private sector are engaged in prevention and reporting.',
    issues: ['cybercrime', 'child-online-protection', 'digital-finance', 'capacity-development'],
    governments: 'equal_footing',
    stakeholders: 'consultative',
    support: [],
    website: 'https://www.unodc.org/unodc/en/cybercrime/global-programme-cybercrime.html',
  },
  {
    organization: 'UNODC',
    name: 'Ad Hoc Committee on a Comprehensive International Convention on Countering the Use of ICTs for Criminal Purposes',
    type: 'treaty_body',
    description:
      'UNODC served as secretariat to the Ad Hoc Committee, an open-ended intergovernmental committee set up by GA Res. 74/247. It concluded in August 2024; the General Assembly adopted the UN Convention against Cybercrime in December 2024, and the Convention opened for signature in Hanoi in October 2025. Accredited NGOs, academia and the private sector attended under Res. 75/282 and spoke in intersessional consultations, but had no part in decisions.',
    issues: [
      'cybercrime',
      'child-online-protection',
      'jurisdiction',
      'privacy-data-protection',
      'freedom-of-expression',
      'identity-theft',
    ],
    governments: 'equal_footing',
    stakeholders: 'observer',
    support: ['interpretation'],
    website: 'https://www.unodc.org/unodc/en/cybercrime/ad_hoc_committee/home',
  },

  // OECD
  {
    organization: 'OECD',
    name: 'Digital Policy Committee (formerly the Committee on Digital Economy Policy, CDEP)',
    type: 'coordination_body',
    description:
      "Open to OECD members only, which take part on an equal footing; some non-members join as participants. The committee prepares the Council's Recommendations on AI, privacy, digital security (including that of critical activities, 2019) and children in the digital environment. Business at OECD (BIAC), TUAC, CSISAC and ITAC advise it without a vote.",
    issues: [
      'artificial-intelligence',
      'privacy-data-protection',
      'data-governance',
      'cybersecurity',
      'telecom-infrastructure',
      'children-rights',
      'critical-infrastructure-protection',
    ],
    governments: 'equal_footing',
    stakeholders: 'consultative',
    support: [],
    website: 'https://oecdgroups.oecd.org/Bodies/ShowBodyView.aspx?BodyID=1837&Lang=en',
  },
  {
    organization: 'OECD',
    name: 'OECD/G20 Inclusive Framework on BEPS',
    type: 'treaty_body',
    description:
      'Around 140 jurisdictions working, in their own words, on an equal footing on base erosion and profit shifting. The framework agreed the Two-Pillar Solution to the tax challenges of the digitalised economy and negotiated the multilateral instruments that implement it. Business and civil society are heard through public consultations on drafts.',
    issues: ['taxation', 'jurisdiction'],
    governments: 'equal_footing',
    stakeholders: 'consultative',
    support: [],
    website: 'https://www.oecd.org/tax/beps/',
  },

  // UN DESA
  {
    organization: 'UN DESA',
    name: 'Internet Governance Forum (IGF)',
    type: 'forum',
    description:
      'Convened by the UN Secretary-General under the Tunis Agenda (para. 72), with its secretariat in UN DESA and a Multistakeholder Advisory Group. The IGF takes no decisions; governments and all stakeholders take part on an equal footing at the annual meeting and in its intersessional work and national and regional initiatives. It offers remote participation, interpretation in the UN languages at the annual meeting and some travel support for participants from developing countries.',
    issues: [
      'access-digital-divide',
      'cybersecurity',
      'artificial-intelligence',
      'freedom-of-expression',
      'data-governance',
      'sustainable-development',
      'information-integrity',
      'critical-internet-resources',
    ],
    governments: 'equal_footing',
    stakeholders: 'full_member',
    support: ['remote_participation', 'interpretation', 'fellowships'],
    website: 'https://www.intgovforum.org',
  },
  {
    organization: 'UN DESA',
    name: 'IGF Dynamic Coalition on Network Neutrality (DCNN)',
    type: 'forum',
    description:
      'An open coalition under the IGF, with its secretariat in UN DESA, that publishes yearly reports on net neutrality, zero rating and traffic management. Its model framework informed the Council of Europe recommendation on network neutrality. Membership is open to any organization or individual. It is a discussion forum only.',
    issues: ['network-neutrality', 'access-digital-divide'],
    governments: 'equal_footing',
    stakeholders: 'full_member',
    support: ['remote_participation'],
    website: 'https://www.intgovforum.org/en/content/dynamic-coalition-on-network-neutrality-dcnn',
  },
  {
    organization: 'UN DESA',
    name: 'Intergovernmental Negotiating Committee on the UN Framework Convention on International Tax Cooperation',
    type: 'treaty_body',
    description:
      "Established by GA Res. 79/235 and open to all UN Member States. It is negotiating the convention and two early protocols (2025-2027); one protocol covers the taxation of income from cross-border services in the digitalised economy. UN DESA's Financing for Sustainable Development Office is the secretariat. Accredited stakeholders attend and make statements but take no part in decisions.",
    issues: ['taxation', 'sustainable-development'],
    governments: 'equal_footing',
    stakeholders: 'observer',
    support: ['interpretation'],
    website: 'https://financing.desa.un.org/inc',
  },

  // Council of Europe
  {
    organization: 'CoE',
    name: 'Convention on Cybercrime (Budapest Convention) and its Committee (T-CY)',
    type: 'treaty_body',
    description:
      'The 2001 convention, open to non-member States by invitation, with Parties in every region. Its Parties meet in the T-CY, which prepared the Second Additional Protocol (2022) on electronic evidence and consulted civil society, data-protection experts and industry while drafting it. Capacity building runs through the Cybercrime Programme Office (C-PROC).',
    issues: [
      'cybercrime',
      'child-online-protection',
      'jurisdiction',
      'identity-theft',
      'denial-of-service',
      'privacy-data-protection',
    ],
    governments: 'equal_footing',
    stakeholders: 'consultative',
    support: [],
    website: 'https://www.coe.int/en/web/cybercrime/the-budapest-convention',
  },
  {
    organization: 'CoE',
    name: 'Convention 108+ and its Consultative Committee (T-PD)',
    type: 'treaty_body',
    description:
      "The only binding international treaty on data protection. Convention 108 dates from 1981, was modernized by the 2018 Protocol, and is open to non-member States. The T-PD adopts guidelines, for example on AI, facial recognition and children's data in education. Observer organizations sit without a vote.",
    issues: ['privacy-data-protection', 'data-governance', 'artificial-intelligence', 'children-rights'],
    governments: 'equal_footing',
    stakeholders: 'observer',
    support: [],
    website: 'https://www.coe.int/en/web/data-protection/convention108-and-protocol',
  },
  {
    organization: 'CoE',
    name: 'Framework Convention on Artificial Intelligence and Human Rights, Democracy and the Rule of Law',
    type: 'treaty_body',
    description:
      'Negotiated in the Committee on Artificial Intelligence (CAI) by the 46 member States, the EU and 11 non-member States. It was adopted in May 2024 and opened for signature in Vilnius in September 2024. Some 70 representatives of civil society, business, and the technical and academic communities took part as observers and could comment.',
    issues: ['artificial-intelligence', 'privacy-data-protection', 'freedom-of-expression', 'information-integrity'],
    governments: 'equal_footing',
    stakeholders: 'observer',
    support: [],
    website: 'https://www.coe.int/en/web/artificial-intelligence/the-framework-convention-on-artificial-intelligence',
  },

  // African Union Commission
  {
    organization: 'AUC',
    name: 'African Union Convention on Cyber Security and Personal Data Protection (Malabo Convention)',
    type: 'treaty_body',
    description:
      'Adopted by the AU Assembly in 2014; it entered into force on 8 June 2023 after its fifteenth ratification. It has chapters on electronic transactions, personal data protection, and cybersecurity and cybercrime. It is a treaty among AU member States, with no role for other stakeholders.',
    issues: ['cybersecurity', 'cybercrime', 'privacy-data-protection', 'ecommerce-trade'],
    governments: 'equal_footing',
    stakeholders: 'none',
    support: [],
    website: 'https://au.int/en/treaties/african-union-convention-cyber-security-and-personal-data-protection',
  },
  {
    organization: 'AUC',
    name: 'African Internet Governance Forum (AfIGF)',
    type: 'forum',
    description:
      'The continental IGF, with its secretariat at the AU Commission. Like the global IGF it takes no decisions, and governments and other stakeholders take part on the same terms.',
    issues: ['access-digital-divide', 'data-governance', 'cybersecurity', 'capacity-development'],
    governments: 'equal_footing',
    stakeholders: 'full_member',
    support: ['remote_participation'],
    website: 'https://au.int',
  },

  // ICANN
  {
    organization: 'ICANN',
    name: 'Generic Names Supporting Organization (GNSO)',
    type: 'coordination_body',
    description:
      'Develops policy for generic top-level domains through working groups open to all and a Council of stakeholder groups (registries, registrars, commercial and non-commercial users); the ICANN Board adopts the resulting policies. Its work has included the EPDP on registration data, the review of rights-protection mechanisms and IDNs. Governments have no seat: the GAC sends liaisons and, in some expedited processes, members, so "observer" is the closest value.',
    issues: [
      'critical-internet-resources',
      'dns-operations',
      'privacy-data-protection',
      'intellectual-property',
      'dispute-resolution',
      'universal-acceptance',
    ],
    governments: 'observer',
    stakeholders: 'full_member',
    support: ['remote_participation'],
    website: 'https://gnso.icann.org',
  },
  {
    organization: 'ICANN',
    name: 'Governmental Advisory Committee (GAC)',
    type: 'coordination_body',
    description:
      'Governments and distinct economies sit as members on an equal footing and agree advice by consensus; IGOs are observers. GAC advice is only advisory: the ICANN Board decides and must take it duly into account, and it may reject consensus advice only by a 60% vote after seeking a mutually acceptable solution. "equal_footing" describes the committee itself, not a share in ICANN\'s decisions. Its work includes registration data, DNS abuse (Public Safety Working Group), geographic names and IGO protections. ICANN funds travel for 35 members from developing economies per meeting, and GAC sessions are interpreted into the six UN languages and Portuguese.',
    issues: [
      'critical-internet-resources',
      'privacy-data-protection',
      'cybercrime',
      'consumer-protection',
      'intellectual-property',
    ],
    governments: 'equal_footing',
    stakeholders: 'none',
    support: ['fellowships', 'interpretation', 'remote_participation'],
    website: 'https://gac.icann.org',
  },
  {
    organization: 'ICANN',
    name: 'ICANN Fellowship Program',
    type: 'capacity_building',
    description:
      'Funds newcomers to attend ICANN Public Meetings and learn the multistakeholder model, with priority for residents of developing and least developed countries. Fellows are selected by an independent committee from government and every stakeholder group on the same terms.',
    issues: ['capacity-development', 'critical-internet-resources'],
    governments: 'equal_footing',
    stakeholders: 'full_member',
    support: ['fellowships'],
    website: 'https://www.icann.org/fellowshipprogram',
  },

  // IETF
  {
    organization: 'IETF',
    name: 'IETF working groups',
    type: 'standards_body',
    description:
      'Open to any individual with no membership; decisions by rough consensus on mailing lists and at meetings, with a free option for remote participation (RFC 9501). Governments have no role as such: their officials may take part as individuals.',
    issues: [
      'internet-standards',
      'encryption',
      'privacy-data-protection',
      'ip-addressing-routing',
      'dns-operations',
      'internet-of-things',
      'universal-acceptance',
    ],
    governments: 'none',
    stakeholders: 'full_member',
    support: ['remote_participation'],
    website: 'https://www.ietf.org/how/wgs/',
  },
  {
    organization: 'IETF',
    name: 'Internet Architecture Board (IAB)',
    type: 'coordination_body',
    description:
      'A committee of the IETF that provides architectural oversight, hears appeals and oversees IANA protocol parameters and liaison relationships; it has issued statements on confidentiality and encryption. Its members come from the community and are selected by the IETF Nominating Committee. There is no government role.',
    issues: ['internet-standards', 'critical-internet-resources', 'encryption', 'privacy-data-protection'],
    governments: 'none',
    stakeholders: 'full_member',
    support: ['remote_participation'],
    website: 'https://www.iab.org',
  },

  // W3C
  {
    organization: 'W3C',
    name: 'W3C working groups',
    type: 'standards_body',
    description:
      'Members and invited experts develop Web standards by consensus, including WCAG (Web Accessibility Initiative), internationalization, privacy and verifiable credentials. Membership fees are lower in lower-income countries. A public body may join like any organization, but States have no seats.',
    issues: [
      'internet-standards',
      'rights-of-persons-with-disabilities',
      'privacy-data-protection',
      'multilingualism',
      'digital-identity',
    ],
    governments: 'none',
    stakeholders: 'full_member',
    support: ['remote_participation'],
    website: 'https://www.w3.org/groups/wg/',
  },

  // Internet Society
  {
    organization: 'ISOC',
    name: 'Internet Society Foundation',
    type: 'capacity_building',
    description:
      "The Internet Society's grant-making foundation (since 2017). It funds community networks, research and community organizations, especially in underserved regions. Grantees carry out the work; governments have no role.",
    issues: ['access-digital-divide', 'capacity-development', 'telecom-infrastructure'],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://www.isocfoundation.org',
  },

  // Regional Internet registries
  {
    organization: 'RIPE NCC',
    name: 'RIPE Policy Development Process',
    type: 'coordination_body',
    description:
      'The RIPE community sets number-resource policy in open working groups, on mailing lists and at RIPE Meetings, with decisions taken by consensus (RIPE-781); the RIPE NCC provides the secretariat and implements the policies. Anyone may take part; there is no separate government role. The RIPE Fellowship funds attendance at RIPE Meetings.',
    issues: ['ip-addressing-routing', 'critical-internet-resources'],
    governments: 'none',
    stakeholders: 'full_member',
    support: ['fellowships', 'remote_participation'],
    website: 'https://www.ripe.net/publications/docs/ripe-781/',
  },
  {
    organization: 'AFRINIC',
    name: 'AFRINIC Policy Development Working Group and Public Policy Meetings',
    type: 'coordination_body',
    description:
      'Anyone taking part on the Resource Policy Discussion list or at a Public Policy Meeting belongs to the working group; co-chairs judge consensus. AFRINIC has recently been under a court-appointed receiver, and the policy meetings continued online (AFRINIC-36, December 2025). The AFRINIC Fellowship funds participants from the region.',
    issues: ['ip-addressing-routing', 'critical-internet-resources'],
    governments: 'none',
    stakeholders: 'full_member',
    support: ['fellowships', 'remote_participation'],
    website: 'https://afrinic.net/policy/development-working-group',
  },
  {
    organization: 'LACNIC',
    name: 'LACNIC Policy Development Process and Public Policy Forum',
    type: 'coordination_body',
    description:
      'Anyone may propose and discuss policy on the public policy list and at the Public Policy Forum held at LACNIC events. Co-chairs judge consensus and the Board ratifies the result. There is no separate government role.',
    issues: ['ip-addressing-routing', 'critical-internet-resources'],
    governments: 'none',
    stakeholders: 'full_member',
    support: ['fellowships', 'remote_participation', 'interpretation'],
    website: 'https://www.lacnic.net/679/2/lacnic/',
  },

  // Civil society
  {
    organization: 'APC',
    name: 'Global Information Society Watch (GISWatch)',
    type: 'research',
    description:
      "APC's yearly report, written mostly by civil society organizations country by country, on a theme such as surveillance, national and regional IGFs, or technology and the environment.",
    issues: [
      'access-digital-divide',
      'freedom-of-expression',
      'gender-rights-online',
      'sustainable-development',
      'digital-environment',
    ],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://www.giswatch.org',
  },
  {
    organization: 'APC',
    name: 'African School on Internet Governance (AfriSIG)',
    type: 'capacity_building',
    description:
      'Held yearly since 2013, run by APC with the AU Commission and Research ICT Africa, and linked to the African IGF. Fellows are selected from government, business, civil society and the technical and academic communities, and the school ends with a multistakeholder practicum.',
    issues: ['capacity-development', 'cybersecurity', 'data-governance', 'critical-internet-resources'],
    governments: 'equal_footing',
    stakeholders: 'full_member',
    support: ['fellowships', 'remote_participation'],
    website: 'https://afrisig.org',
  },
  {
    organization: 'ARTICLE 19',
    name: 'Global Expression Report',
    type: 'research',
    description:
      "ARTICLE 19's yearly measure of freedom of expression in 161 countries. It scores each country on 25 indicators drawn from the V-Dem dataset, covering expression online, protest and access to information.",
    issues: ['freedom-of-expression', 'freedom-of-assembly', 'information-integrity'],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://www.globalexpressionreport.org',
  },
  {
    organization: 'GPD',
    name: 'Inclusive cyber policy programme',
    type: 'capacity_building',
    description:
      "Global Partners Digital's work, since 2016, building the capacity of civil society in the global South to engage in cyber policy at national, regional and UN level. It also develops frameworks for multistakeholder national cybersecurity strategies. Governments are the counterparts of this advocacy, not participants in it.",
    issues: ['cybersecurity', 'cyber-conflict', 'cybercrime', 'capacity-development'],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://www.gp-digital.org/our-work/',
  },
  {
    organization: 'GNI',
    name: 'GNI Principles and company assessments',
    type: 'coordination_body',
    description:
      'A multistakeholder initiative founded in 2008 whose board brings together companies, civil society, investors and academics. Member companies commit to the Principles on Freedom of Expression and Privacy and are independently assessed on how they meet them. GNI also works on network shutdowns and on extremist-content regulation. Governments are not members.',
    issues: [
      'freedom-of-expression',
      'privacy-data-protection',
      'freedom-of-assembly',
      'intermediary-liability',
      'content-policy',
      'violent-extremism-online',
    ],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://globalnetworkinitiative.org/gni-principles/',
  },
  {
    organization: 'IT for Change',
    name: 'IT for Change research and advocacy on digital justice',
    type: 'research',
    description:
      'Research from Bengaluru on data and AI, the platform economy and platform work, and gender, including the Feminist Digital Justice project with DAWN.',
    issues: [
      'data-governance',
      'competition',
      'future-of-work',
      'gender-rights-online',
      'ecommerce-trade',
      'artificial-intelligence',
    ],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://itforchange.net/research',
  },
  {
    organization: 'Derechos Digitales',
    name: 'Derechos Digitales funds for digital rights in Latin America',
    type: 'capacity_building',
    description:
      'Funds run by this Santiago-based organization for digital-rights groups in Latin America: the Rapid Response Fund (since 2019) for urgent cases, and a broader fund since. They have supported work on surveillance and facial recognition, data privacy and gender-based violence online.',
    issues: ['privacy-data-protection', 'freedom-of-expression', 'gender-rights-online'],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://www.derechosdigitales.org',
  },
  {
    organization: 'DiploFoundation',
    name: 'Advanced Diploma in Internet Governance and online courses',
    type: 'capacity_building',
    description:
      "Diplo's online courses on Internet governance, cybersecurity and AI, taken by diplomats, officials and other stakeholders on the same terms. Diplo also operates the Geneva Internet Platform's Digital Watch observatory.",
    issues: ['capacity-development', 'cybersecurity', 'artificial-intelligence'],
    governments: 'equal_footing',
    stakeholders: 'full_member',
    support: ['remote_participation'],
    website: 'https://www.diplomacy.edu/courses/DiplomaIG',
  },

  // Private sector
  {
    organization: 'ICC',
    name: 'Business Action to Support the Information Society (BASIS)',
    type: 'coordination_body',
    description:
      "ICC's initiative, created in 2006 after WSIS, that coordinates business participation and positions at the IGF, in WSIS follow-up and at the CSTD. It draws on ICC's digital economy policy work.",
    issues: ['data-governance', 'ecommerce-trade', 'access-digital-divide', 'investment-connectivity', 'cybersecurity'],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://iccwbo.org/global-insights/digital-economy/internet-governance',
  },
  {
    organization: 'GSMA',
    name: 'GSMA Mobile for Development',
    type: 'research',
    description:
      "The mobile industry association's development programme, known for its State of Mobile Internet Connectivity and Mobile Gender Gap reports. It also works on mobile money, digital identity and an innovation fund.",
    issues: [
      'access-digital-divide',
      'gender-rights-online',
      'financial-inclusion',
      'digital-identity',
      'investment-connectivity',
    ],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://www.gsma.com/mobilefordevelopment/',
  },
  {
    organization: 'ITI',
    name: 'ITI global policy principles and advocacy',
    type: 'research',
    description:
      "The technology industry association's policy principles and advocacy on AI, cybersecurity, encryption, data flows and digital trade, addressed to governments worldwide.",
    issues: ['artificial-intelligence', 'cybersecurity', 'encryption', 'data-governance', 'ecommerce-trade'],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://www.itic.org/policy',
  },

  {
    organization: 'DIGITALEUROPE',
    name: 'DIGITALEUROPE policy positions on EU digital legislation',
    type: 'research',
    description:
      "The European digital industry association's analysis and advocacy on EU legislation such as the AI Act, the Data Act and the Cyber Resilience Act. It is an industry voice only, with no government role.",
    issues: ['artificial-intelligence', 'data-governance', 'cybersecurity'],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://www.digitaleurope.org',
  },

  // Academia
  {
    organization: 'OII',
    name: 'Fairwork',
    type: 'research',
    description:
      'Action research based at the Oxford Internet Institute and the WZB Berlin Social Science Center. It rates digital labour platforms, and workplaces using AI, against five principles of fair work. The principles were developed with workers, platforms, unions and policymakers, who are consulted in each country.',
    issues: ['future-of-work', 'artificial-intelligence'],
    governments: 'none',
    stakeholders: 'consultative',
    support: [],
    website: 'https://fair.work',
  },
  {
    organization: 'Berkman Klein Center for Internet & Society',
    name: 'Lumen database',
    type: 'research',
    description:
      'A Berkman Klein Center project that collects and studies legal complaints and requests to remove online material, such as copyright notices and court orders. Companies and individuals contribute the notices; the Center runs the database.',
    issues: ['intellectual-property', 'intermediary-liability', 'content-policy', 'freedom-of-expression'],
    governments: 'none',
    stakeholders: 'consultative',
    support: [],
    website: 'https://lumendatabase.org',
  },
  {
    organization: 'RIA',
    name: 'After Access surveys',
    type: 'research',
    description:
      "Research ICT Africa's nationally representative household, individual and micro-enterprise surveys of ICT access and use in African countries, run since 2004. Recent rounds cover platform work, digital finance and digital ID. The data are published openly.",
    issues: [
      'access-digital-divide',
      'gender-rights-online',
      'financial-inclusion',
      'future-of-work',
      'digital-identity',
    ],
    governments: 'none',
    stakeholders: 'full_member',
    support: [],
    website: 'https://researchictafrica.net/data/after-access-surveys/',
  },
  {
    organization: 'GigaNet',
    name: 'GigaNet Annual Symposium',
    type: 'research',
    description:
      'The yearly academic conference of the Global Internet Governance Academic Network, held at the IGF since 2006. Papers are chosen by peer review and discussed with other stakeholder groups.',
    issues: ['critical-internet-resources', 'data-governance', 'telecom-infrastructure', 'capacity-development'],
    governments: 'none',
    stakeholders: 'full_member',
    support: ['remote_participation'],
    website: 'https://www.giga-net.org',
  },
]
