/**
 * The table the "Start from an example" button fills in: a vendor's two-tier monthly table in
 * the shape of a source in `published-claims.json`, with GPU counts and stated prices, so every
 * check of the audit has something to show.
 */
export const CLAIM_AUDIT_EXAMPLE = `{
  "id": "vendor-quote",
  "title": "Vendor quote: managed open-weight hosting",
  "publisher": "example vendor",
  "date": "2026-05",
  "stated_assumptions": {
    "api_blended_rate_usd_per_1M": { "input": 1.25, "output": 10 }
  },
  "tables": [
    {
      "id": "monthly-cost",
      "unit": "USD per month",
      "columns": ["self_hosted", "api"],
      "tiers": [
        {
          "tokens_per_day": 50000000,
          "self_hosted": { "compute": 3650, "gpus": 2, "engineering": 10000, "engineering_fte": 0.5, "total": 13650 },
          "api": { "api_costs": 5000, "total": 5000 },
          "annual": { "self_hosted": 163800, "api": 60000 },
          "verdict": "The API is 63% cheaper."
        },
        {
          "tokens_per_day": 500000000,
          "self_hosted": { "compute": 29200, "gpus": 16, "engineering": 20000, "engineering_fte": 1, "total": 49200 },
          "api": { "api_costs": 50000, "total": 50000 },
          "annual": { "self_hosted": 590400, "api": 600000 },
          "verdict": "Roughly equivalent."
        }
      ]
    }
  ],
  "claims": [
    {
      "id": "crossover",
      "text": "Self-hosting wins above 200 million tokens per day.",
      "tokens_per_day_low": 200000000,
      "tokens_per_day_high": 200000000
    }
  ]
}
`;
