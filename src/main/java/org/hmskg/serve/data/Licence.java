package org.hmskg.serve.data;

/** The terms of the government source and the credit line every page, VoID and the manifest carry. */
public final class Licence {
    private Licence() {
    }

    /** 公共データ利用規約（第1.0版）, the successor of 政府標準利用規約（第2.0版）; compatible with CC BY 4.0. */
    public static final String LICENSE_IRI = "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0";
    public static final String CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/";

    public static final String CREDIT_JA = "出典：健康・医療戦略推進本部ほか各府省庁の公表資料（公共データ利用規約 第1.0版"
            + "／政府標準利用規約 第2.0版、CC BY 4.0 互換）を加工して作成";
    public static final String CREDIT_EN = "Source: documents published by the Headquarters for Healthcare Policy and other"
            + " Japanese government bodies under the Public Data License 1.0 (公共データ利用規約) / Government Standard"
            + " Terms of Use 2.0 (政府標準利用規約), compatible with CC BY 4.0; restructured into a knowledge graph"
            + " by hms-kg.";
}
