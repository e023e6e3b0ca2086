package dev.mizan.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule scorer with the bundled lexicon, on sentences written for these tests: one literal case per lexicon fix
 * made from the out-of-fold errors on the training rows (issue 3).
 */
class RuleLexiconTest {
  static final LocalDate DAY = LocalDate.of(2025, 8, 1);
  static final Analyzer RULES = Analyzer.create(new AnalyzerOptions(List.of(), 0.15, -0.15, true));

  static SentenceResult read(String text) {
    return RULES.analyzeUnit(text, null, DAY);
  }

  @Test
  void theAccusativeCeasefireIsCooperationNotFiring() {
    // «وقفا لإطلاق النار»: the tanween form of «وقف» used to leave «لإطلاق النار» (firing) as the only cue
    SentenceResult r = read("أعلن البلدان وقفا لإطلاق النار على الحدود بين تايلاند وكمبوديا.");
    assertThat(r.stance()).isEqualTo("cooperative");
    assertThat(r.evidence()).extracting(Evidence::text).containsExactly("وقفا لإطلاق النار");
  }

  @Test
  void targetingIsAnAttackWordInBothLanguages() {
    assertThat(read("Pakistani jets were accused of targeting villages in Afghanistan.").stance()).isEqualTo("conflictual");
    assertThat(read("أكدت كابول استهداف باكستان قرى حدودية أفغانية.").stance()).isEqualTo("conflictual");
  }

  @Test
  void aDeniedAttackOnAidIsNeutralNotConflictual() {
    // the denial cancels the attack word, and «aid» is what the denied attack was aimed at, not a denied aid
    SentenceResult en = read("Israel denied targeting aid convoys in Gaza.");
    assertThat(en.stance()).isEqualTo("neutral");
    assertThat(en.evidence()).isEmpty();
    SentenceResult ar = read("نفى الجيش الإسرائيلي استهداف قوافل المساعدات في غزة.");
    assertThat(ar.stance()).isEqualTo("neutral");
    assertThat(ar.evidence()).isEmpty();
    // a denied cooperation with no attack word before it still reads as negated cooperation
    assertThat(read("Israel denied any aid to Gaza.").stance()).isEqualTo("conflictual");
  }

  // issue-3 stance audit (rule errors on TRAIN rows; sentences written for these tests)

  @Test
  void aTemporalClauseIsBackgroundTheMainClauseDecides() {
    SentenceResult ar = read("استأنفت اليابان استيراد الحمضيات المصرية بعد حظر استمر عاما كاملا.");
    assertThat(ar.stance()).isNotEqualTo("conflictual");
    SentenceResult en = read("Brazil and Paraguay reopened the bridge closed since the border clashes.");
    assertThat(en.stance()).isNotEqualTo("conflictual");
  }

  @Test
  void standingWithAStateAgainstAnyThreatIsSupport() {
    assertThat(read("قال الوزير إن الرباط تقف مع نواكشوط ضد أي اعتداء على حدودها.").stance()).isEqualTo("cooperative");
    assertThat(read("Oman said it would stand with Jordan against any threat to its security.").stance())
        .isEqualTo("cooperative");
  }

  @Test
  void suspendingOrEndingCooperationIsConflict() {
    assertThat(read("علقت كوريا الجنوبية مؤقتا المساعدات الاقتصادية لميانمار.").stance()).isEqualTo("conflictual");
    assertThat(read("قررت تونس إنهاء العمل باتفاق التعاون الجمركي مع ليبيا.").stance()).isEqualTo("conflictual");
  }

  @Test
  void aPlainCallVisitOrRoundOfConsultationsIsNeutral() {
    assertThat(read("أجرى وزير الخارجية العماني اتصالا هاتفيا بنظيره الكويتي.").stance()).isEqualTo("neutral");
    assertThat(read("بدأ الرئيس البرازيلي زيارة دولة إلى البرتغال.").stance()).isEqualTo("neutral");
    assertThat(read("Chile and Peru held consultations on fisheries in Lima.").stance()).isEqualTo("neutral");
    // with a stance word the contact counts again
    assertThat(read("أجرى وزير الخارجية العماني اتصالا هاتفيا بنظيره الكويتي لتعزيز التعاون.").stance())
        .isEqualTo("cooperative");
  }

  @Test
  void releasingWhatTheOtherSideHeldIsCooperation() {
    assertThat(read("أطلقت كوبا سراح صيادين مكسيكيين بعد احتجازهم أسبوعين.").stance()).isEqualTo("cooperative");
    assertThat(read("أفرجت السلطات الإثيوبية عن جنود كينيين.").stance()).isEqualTo("cooperative");
    assertThat(read("Belarus released a detained Lithuanian cyclist.").stance()).isEqualTo("cooperative");
    assertThat(read("Algeria freed a French writer after a year in prison.").stance()).isEqualTo("cooperative");
  }

  @Test
  void raisingDutiesWithRafaIsConflictNotLifting() {
    assertThat(read("رفعت المكسيك الرسوم الجمركية على الصلب الكوري إلى خمسين بالمئة.").stance()).isEqualTo("conflictual");
    // lifting a ban keeps its reducer
    assertThat(read("رفعت مصر الحظر على الواردات الأردنية.").stance()).isNotEqualTo("conflictual");
  }

  @Test
  void leavingOrSuspendingAnAgreementFourWordsOnIsConflict() {
    assertThat(read("Ottawa suspended a research cooperation pact with Beijing.").stance()).isEqualTo("conflictual");
    assertThat(read("انسحبت الأرجنتين من اتفاق التعاون النووي مع إيران.").stance()).isEqualTo("conflictual");
  }

  @Test
  void dialogueThatBecamePointlessIsConflict() {
    assertThat(read("Serbia said its dialogue with Kosovo had become pointless.").stance()).isEqualTo("conflictual");
    assertThat(read("قالت أرمينيا إن المحادثات مع باكو وصلت إلى طريق مسدود.").stance()).isEqualTo("conflictual");
  }

  @Test
  void anyProgressAfterAFarNegationIsNoProgress() {
    assertThat(read("لم تسفر الجولة الثالثة من المفاوضات بين السودان وجنوب السودان عن أي تقدم.").stance())
        .isEqualTo("conflictual");
  }

  @Test
  void acceptOrFaceTheConsequencesIsAThreat() {
    assertThat(read("Washington gave Caracas ten days to accept the plan or face the consequences.").stance())
        .isEqualTo("conflictual");
  }

  @Test
  void cancellingReachesPastAnAdverbialPhrase() {
    assertThat(read("ألغت اليابان بقرار حكومي برنامج العقوبات المفروضة على الهند.").stance()).isEqualTo("cooperative");
  }

  @Test
  void aSharedBorderIsGeographyNotCooperation() {
    assertThat(read("بحث وزيرا داخلية تونس وليبيا ملف الحدود المشتركة.").stance()).isEqualTo("neutral");
  }

  @Test
  void bullyingAndNonsenseAreVerdictsOfConflict() {
    assertThat(read("قال وزير الخارجية الكوبي إن بلاده لن تركع أمام البلطجة الأمريكية.").stance()).isEqualTo("conflictual");
    assertThat(read("Seoul said it would not be bullied by Pyongyang.").stance()).isEqualTo("conflictual");
  }

  // issue-3y (rule errors on TRAIN rows; sentences written for these tests)

  @Test
  void condemningAnAttackOnAStateWhileStandingByItIsCooperation() {
    assertThat(read("أدانت قطر الهجوم على السفارة الأردنية، معربة عن تضامنها مع عمّان.").stance()).isEqualTo("cooperative");
    assertThat(read("Egypt condemned the bombing in Islamabad and offered Pakistan its full support.").stance())
        .isEqualTo("cooperative");
    assertThat(read("Canada pledged to help Ukraine counter the aggression.").stance()).isEqualTo("cooperative");
    // without a solidarity cue the condemned attack stays conflictual, and "help" alone is no solidarity
    assertThat(read("أدانت قطر الهجوم الإسرائيلي على لبنان.").stance()).isEqualTo("conflictual");
    assertThat(read("Israel attacked Iran, saying the talks would only help Tehran.").stance()).isEqualTo("conflictual");
  }

  @Test
  void lyingDisappointmentRewardForTerrorLawsuitsAndPropagandaAreConflict() {
    assertThat(read("قال وزير الخارجية الأوكراني إن روسيا تواصل الكذب على العالم.").stance()).isEqualTo("conflictual");
    assertThat(read("Japan said it was deeply disappointed by China's decision.").stance()).isEqualTo("conflictual");
    assertThat(read("وصف نتنياهو اعتراف بريطانيا بدولة فلسطين بأنه مكافأة للإرهاب.").stance()).isEqualTo("conflictual");
    assertThat(read("Israel called Canada's recognition a reward for terrorism.").stance()).isEqualTo("conflictual");
    assertThat(read("رفعت جنوب أفريقيا الدعوى ضد إسرائيل أمام المحكمة.").stance()).isEqualTo("conflictual");
    assertThat(read("Moscow dismissed the Polish report as propaganda.").stance()).isEqualTo("conflictual");
    assertThat(read("اعترضت البحرية اليونانية قاربا تركيا قرب رودس.").stance()).isEqualTo("conflictual");
  }

  @Test
  void theRapidSupportForcesAreNoSupport() {
    // the militia's name used to read as «الدعم» (support, +0.45)
    SentenceResult r = read("اتهمت الخرطوم أبوظبي بتسليح قوات الدعم السريع.");
    assertThat(r.stance()).isEqualTo("conflictual");
    assertThat(r.evidence()).extracting(Evidence::text).doesNotContain("الدعم");
  }

  @Test
  void indirectTalksNegateNothing() {
    // «غير» of «غير المباشرة» used to flip the mediation after it into conflict
    SentenceResult r = read("استضافت قطر جولة من المحادثات غير المباشرة بين إيران وأمريكا بوساطة قطرية.");
    assertThat(r.stance()).isNotEqualTo("conflictual");
    assertThat(r.evidence()).extracting(Evidence::weight).allMatch(w -> w > 0);
  }

  @Test
  void theEndOfAConflictIsCooperationAndTheEndOfATruceIsNot() {
    assertThat(read("Qatar welcomed the end of hostilities between Armenia and Azerbaijan.").stance()).isEqualTo("cooperative");
    assertThat(read("رحبت مصر بانتهاء الحرب بين الهند وباكستان.").stance()).isEqualTo("cooperative");
    assertThat(read("Analysts warned of the end of the truce between Israel and Lebanon.").stance()).isEqualTo("conflictual");
  }

  @Test
  void aJointCommitteeMeetingAloneIsNeutral() {
    assertThat(read("عقدت اللجنة المشتركة بين الأردن ومصر دورتها في عمّان.").stance()).isEqualTo("neutral");
    assertThat(read("اتفقت مصر والأردن على تشكيل لجنة مشتركة للتجارة.").stance()).isEqualTo("cooperative");
  }

  @Test
  void verdictsDeliveriesAndAltercationsFromTheOutOfFoldAudit() {
    assertThat(read("قال أردوغان إن محادثاته مع علييف كانت ممتازة.").stance()).isEqualTo("cooperative");
    assertThat(read("Modi described ties with Japan as ironclad.").stance()).isEqualTo("cooperative");
    assertThat(read("استقبل السيسي ملك الأردن بحفاوة في القاهرة.").stance()).isEqualTo("cooperative");
    assertThat(read("Canada delivered winter equipment to Ukraine.").stance()).isEqualTo("cooperative");
    assertThat(read("تبرعت الكويت بمليون دولار للصليب الأحمر في السودان.").stance()).isEqualTo("cooperative");
    assertThat(read("Kuwait deposited $2 billion with Egypt's central bank.").stance()).isEqualTo("cooperative");
    assertThat(read("China lifted its ban on Japanese seafood.").stance()).isEqualTo("cooperative");
    assertThat(read("Turkey resumed flights to Iraq.").stance()).isEqualTo("cooperative");
    assertThat(read("انتهى اجتماع الوزيرين الصربي والكوسوفي بمشادة كلامية.").stance()).isEqualTo("conflictual");
    assertThat(read("قال وزير الدفاع الإيراني إن طهران سترد بحزم على أي اعتداء إسرائيلي.").stance()).isEqualTo("conflictual");
    assertThat(read("Romania accused Moscow of election interference.").stance()).isEqualTo("conflictual");
    assertThat(read("Washington delivered a warning to Caracas.").stance()).isEqualTo("conflictual");
    // a cue that contains a title word («السفير», "ambassador") counts; it used to be dropped as if inside a name
    assertThat(read("Niger recalled its ambassador from Benin.").stance()).isEqualTo("conflictual");
    assertThat(read("Mali and Niger recalled their ambassadors from Algiers.").stance()).isEqualTo("conflictual");
    // a failed round stays a failure
    assertThat(read("Talks between Serbia and Kosovo ended without agreement.").stance()).isEqualTo("conflictual");
  }

  @Test
  void tradeAsATopicIsNeutralAndOpeningACrossingIsCooperation() {
    assertThat(read("A Brazilian trade delegation arrived in Riyadh for talks.").stance()).isEqualTo("neutral");
    assertThat(read("وصل وفد تجاري تركي إلى القاهرة.").stance()).isEqualTo("neutral");
    assertThat(read("Vietnam and Indonesia agreed to boost trade.").stance()).isEqualTo("cooperative");
    assertThat(read("أعادت مصر والسودان فتح المعبر الحدودي أمام الشاحنات.").stance()).isEqualTo("cooperative");
  }

  @Test
  void shootingDownUnilateralStepsCancelledVisitsAndLiftedExtraDuties() {
    assertThat(read("أسقطت الدفاعات الرومانية مسيرة روسية، وقالت بوخارست إن روسيا اخترقت الأجواء.").stance())
        .isEqualTo("conflictual");
    assertThat(read("Lithuania shot down a Belarusian balloon.").stance()).isEqualTo("conflictual");
    assertThat(read("وصفت السودان قرار إثيوبيا بأنه خطوة أحادية مخالفة للقانون الدولي.").stance()).isEqualTo("conflictual");
    assertThat(read("Kenya cancelled a visit by Somalia's foreign minister.").stance()).isEqualTo("conflictual");
    assertThat(read("ألغت الهند الرسوم الإضافية على الأرز البنغلاديشي.").stance()).isEqualTo("cooperative");
    assertThat(read("Armenia and Azerbaijan exchanged prisoners at the border.").stance()).isEqualTo("cooperative");
    assertThat(read("Japan suspended its visa waiver for Chinese tourists.").stance()).isEqualTo("conflictual");
  }

  // issue-3z: third pass over the rule errors of TRAIN rows (sentences written for these tests)

  @Test
  void goodsAndPeopleHandedFromOneStateToAnotherAreMaterialCooperation() {
    assertThat(read("شحنت البرازيل أول دفعة من الذرة إلى مصر.").stance()).isEqualTo("cooperative");
    assertThat(read("سلمت اليونان ألبانيا اثنين من المطلوبين.").stance()).isEqualTo("cooperative");
    assertThat(read("بدأت الجزائر تزويد تونس بالكهرباء عبر خط جديد.").stance()).isEqualTo("cooperative");
    assertThat(read("Greece handed over two smugglers to Albania.").stance()).isEqualTo("cooperative");
    assertThat(read("Norway shipped a cargo of gas to Poland.").stance()).isEqualTo("cooperative");
    // a stopped export is a loss (the reducer flips it); with no country pair a shipment says nothing
    assertThat(read("أوقفت الهند تصدير الأرز إلى بنغلاديش.").stance()).isEqualTo("conflictual");
    assertThat(read("شحنت الشركة البضائع صباح أمس.").stance()).isEqualTo("neutral");
  }

  @Test
  void closingAirspacePortsOrAConsulateToTheOtherStateIsConflict() {
    assertThat(read("أغلقت ليتوانيا معبرين على حدودها مع بيلاروسيا.").stance()).isEqualTo("conflictual");
    assertThat(read("أغلقت المغرب القنصلية الجزائرية في وهران.").stance()).isEqualTo("conflictual");
    assertThat(read("Pakistan closed its airspace to Indian airlines.").stance()).isEqualTo("conflictual");
  }

  @Test
  void anAccusationOfBreakingATruceIsConflictNotTruce() {
    assertThat(read("اتهمت أرمينيا أذربيجان بانتهاك الهدنة على الحدود.").stance()).isEqualTo("conflictual");
    assertThat(read("Thailand accused Cambodia of breaking the ceasefire deal.").stance()).isEqualTo("conflictual");
    // «الوقوف وراء» is being behind an act, not standing by a state
    assertThat(read("قالت بغداد إن أنقرة تقف وراء الضربة.").stance()).isEqualTo("conflictual");
  }

  @Test
  void aCancelledVisitOrSummitWithTheSubjectBetweenIsASnub() {
    assertThat(read("ألغت مصر زيارة كانت مقررة لوفد إثيوبي.").stance()).isEqualTo("conflictual");
    assertThat(read("Peru cancelled the summit with Chile.").stance()).isEqualTo("conflictual");
    assertThat(read("أنهى وزير الخارجية المصري زيارته إلى السودان.").stance()).isEqualTo("neutral");
  }

  @Test
  void playingWithFireAndDictates() {
    assertThat(read("قالت بكين إن مانيلا تلعب بالنار.").stance()).isEqualTo("conflictual");
    assertThat(read("Beijing said Manila was playing with fire.").stance()).isEqualTo("conflictual");
    assertThat(read("وصفت طهران الشروط الفرنسية بأنها إملاءات.").stance()).isEqualTo("conflictual");
  }

  @Test
  void talksThatDidNotReachAnAgreementFailEvenWithTheTalksBetween() {
    assertThat(read("لم يتوصل الوزيران المصري والإثيوبي في جولتهما الأخيرة إلى اتفاق.").stance()).isEqualTo("conflictual");
  }

  @Test
  void aTariffTruceIsCooperationAndAJointTechnicalCommitteeAContact() {
    assertThat(read("مددت اليابان وكوريا الجنوبية هدنة الرسوم الجمركية ستة أشهر.").stance()).isEqualTo("cooperative");
    assertThat(read("Washington and Beijing extended their tariff truce.").stance()).isEqualTo("cooperative");
    assertThat(read("اجتمع وفدان من الأردن وسوريا في إطار اللجنة الفنية المشتركة.").stance()).isEqualTo("neutral");
  }

  @Test
  void aDeniedFreezeOfContactsIsNeutral() {
    assertThat(read("نفت الخارجية الكويتية أن تكون الحكومة قد قررت تجميد الاتصالات مع العراق.").stance())
        .isEqualTo("neutral");
    assertThat(read("قررت الحكومة الكويتية تجميد الاتصالات مع العراق.").stance()).isEqualTo("conflictual");
  }

  @Test
  void theLengthOfWhatCameBeforeDatesTheMainEvent() {
    assertThat(read("دخلت الهدنة بين أذربيجان وأرمينيا حيز التنفيذ بعد خمسة أيام من القتال.").stance())
        .isEqualTo("cooperative");
    assertThat(read("A truce between Thailand and Cambodia held on Monday after five days of shelling.").stance())
        .isEqualTo("cooperative");
  }

  @Test
  void standingByAStateWithAPossessiveSuffixIsSupport() {
    assertThat(read("أدانت قطر الهجوم على الأراضي الأردنية، مؤكدة وقوفها إلى جانب عمّان.").stance())
        .isEqualTo("cooperative");
    assertThat(read("أعلنت تركيا إغلاق معبرين على حدودها مع إيران.").stance()).isEqualTo("conflictual");
  }

  @Test
  void aFieldHospitalInAnotherStateIsAidAndRelatesTheTwo() {
    SentenceResult r = read("أقامت تركيا مستشفى ميدانيا في السودان لعلاج الجرحى.");
    assertThat(r.stance()).isEqualTo("cooperative");
    assertThat(r.dyads()).containsExactly("SDN-TUR");
  }

  @Test
  void anEndedTruceARoundOfTalksAndMaterialActsWithoutAStanceWord() {
    assertThat(read("استأنفت روسيا غاراتها على أوكرانيا، منهية الهدنة.").stance()).isEqualTo("conflictual");
    assertThat(read("انتهت جولة مفاوضات بين مصر والسودان دون التوصل إلى اتفاق.").stance()).isEqualTo("conflictual");
    assertThat(read("عقدت مصر والسودان جولة مفاوضات في القاهرة.").stance()).isEqualTo("neutral");
    assertThat(read("هدمت القوات الإسرائيلية منازل فلسطينية في الخليل.").stance()).isEqualTo("conflictual");
    assertThat(read("خفضت نيودلهي وواشنطن الرسوم المتبادلة.").stance()).isEqualTo("cooperative");
    assertThat(read("Japan lifted its suspension of rice imports from Vietnam.").stance()).isEqualTo("cooperative");
    assertThat(read("أعادت روسيا فتح أسواقها أمام الفواكه المصرية.").stance()).isEqualTo("cooperative");
    assertThat(read("جمدت إسرائيل تحويل أموال المقاصة إلى السلطة الفلسطينية.").stance()).isEqualTo("conflictual");
    assertThat(read("وصفت موسكو تصريحات وارسو بأنها هستيريا.").stance()).isEqualTo("conflictual");
  }

  @Test
  void reliefConvoysDirectFlightsAndTroopsPulledBackAreCooperation() {
    assertThat(read("سمح الأردن بعبور قافلة إغاثة إلى سوريا.").stance()).isEqualTo("cooperative");
    assertThat(read("Egypt and Iraq launched direct flights between Cairo and Baghdad.").stance()).isEqualTo("cooperative");
    assertThat(read("اتفقت أرمينيا وأذربيجان على سحب القوات من خط التماس.").stance()).isEqualTo("cooperative");
    // suspended, direct flights are a loss
    assertThat(read("علقت روسيا الرحلات المباشرة إلى أذربيجان.").stance()).isEqualTo("conflictual");
  }
}
