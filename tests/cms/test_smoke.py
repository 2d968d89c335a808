def test_territory_api_lists_public_settings_only(territory, client):
    response = client.get("/api/v2/territories/")
    assert response.status_code == 200
    body = response.json()
    assert body["meta"]["total_count"] == 1
    item = body["items"][0]
    assert item["slug"] == "lecce"
    assert [lang["code"] for lang in item["languages"]] == ["it", "en"]
    assert "SECRET123" not in response.content.decode()
