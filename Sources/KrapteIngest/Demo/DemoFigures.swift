/// The small data sets that `krapte demo` loads, written into the project so that the demo works offline.
///
/// - `faillissementen` and `arbeidsproductiviteit`: CBS figures as UWV's sector article on ICT (2025) publishes them
///   ("Bron: CBS"), copied from its tables (see `scripts/generate-demo-data.py`).
/// - `vacatures`: open vacancies per quarter 2019-2024 for three sectors, taken from CBS table 80472ned (Bron: CBS, CC BY 4.0).
enum DemoFigures {
    /// Bankruptcies per group of sectors, CBS's figures as published (UWV, Sectorbeschrijving ICT 2025, table "Faillissementen").
    static let faillissementen = """
        periode,groep,faillissementen
        2022,Sectoren met veel ICT'ers,615
        2022,Informatie en communicatie,72
        2022,Overige sectoren,1239
        2023,Sectoren met veel ICT'ers,1017
        2023,Informatie en communicatie,119
        2023,Overige sectoren,1854
        2024,Sectoren met veel ICT'ers,1357
        2024,Informatie en communicatie,161
        2024,Overige sectoren,2425
        2025KW01,Sectoren met veel ICT'ers,515
        2025KW01,Informatie en communicatie,30
        2025KW01,Overige sectoren,274
        """

    /// Yearly growth of labour productivity in %, as published (UWV, Sectorbeschrijving ICT 2025).
    static let arbeidsproductiviteit = """
        periode,sector,groei_pct_tov_vorig_jaar
        2021,Totaal,1.9
        2022,Totaal,1.7
        2023,Totaal,-1.2
        2024,Totaal,-0.2
        2021,Informatie en communicatie,1.1
        2022,Informatie en communicatie,8.3
        2023,Informatie en communicatie,-1.8
        2024,Informatie en communicatie,2.4
        2021,Commerciële dienstverlening,3.1
        2022,Commerciële dienstverlening,1.2
        2023,Commerciële dienstverlening,-0.5
        2024,Commerciële dienstverlening,0.9
        """

    /// Open vacancies at the end of the quarter, x 1 000 (CBS 80472ned, 2019-2024).
    static let vacatures = """
        periode,sector,openstaande_vacatures
        2019KW01,A-U,278.9
        2019KW02,A-U,293.8
        2019KW03,A-U,283.8
        2019KW04,A-U,281.2
        2020KW01,A-U,221.7
        2020KW02,A-U,200.4
        2020KW03,A-U,215.6
        2020KW04,A-U,213.7
        2021KW01,A-U,248.5
        2021KW02,A-U,333.6
        2021KW03,A-U,376.3
        2021KW04,A-U,376.4
        2022KW01,A-U,448.2
        2022KW02,A-U,479.8
        2022KW03,A-U,451.9
        2022KW04,A-U,418.9
        2023KW01,A-U,432.9
        2023KW02,A-U,441.2
        2023KW03,A-U,416.8
        2023KW04,A-U,389.2
        2024KW01,A-U,413.0
        2024KW02,A-U,418.9
        2024KW03,A-U,396.4
        2024KW04,A-U,383.8
        2019KW01,C,23.6
        2019KW02,C,24.5
        2019KW03,C,23.0
        2019KW04,C,22.6
        2020KW01,C,18.7
        2020KW02,C,15.7
        2020KW03,C,16.9
        2020KW04,C,18.0
        2021KW01,C,20.7
        2021KW02,C,28.0
        2021KW03,C,33.3
        2021KW04,C,32.7
        2022KW01,C,35.7
        2022KW02,C,38.1
        2022KW03,C,35.2
        2022KW04,C,34.0
        2023KW01,C,34.8
        2023KW02,C,36.6
        2023KW03,C,33.4
        2023KW04,C,30.9
        2024KW01,C,33.6
        2024KW02,C,34.8
        2024KW03,C,33.2
        2024KW04,C,31.6
        2019KW01,J,18.7
        2019KW02,J,18.3
        2019KW03,J,18.6
        2019KW04,J,18.2
        2020KW01,J,15.0
        2020KW02,J,12.3
        2020KW03,J,13.6
        2020KW04,J,15.7
        2021KW01,J,18.8
        2021KW02,J,23.3
        2021KW03,J,23.3
        2021KW04,J,25.6
        2022KW01,J,28.8
        2022KW02,J,28.8
        2022KW03,J,26.4
        2022KW04,J,22.9
        2023KW01,J,23.2
        2023KW02,J,21.6
        2023KW03,J,20.7
        2023KW04,J,19.6
        2024KW01,J,20.1
        2024KW02,J,19.4
        2024KW03,J,17.8
        2024KW04,J,18.1
        """
}
