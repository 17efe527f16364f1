"""The training recipes run end to end on a tiny corpus we wrote, and what
they save is what the taggers load."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parents[2] / "fixtures" / "polnear_mini"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The mini fixture's annotated split, offered as a train split."""
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "train").symlink_to(MINI / "dev", target_is_directory=True)
    return root


@pytest.mark.slow
def test_crf_recipe_trains_taggers_that_load(corpus: Path, tmp_path: Path):
    from sayso.attribution.tagger import CUE_MODEL, ROLE_MODEL, CrfAttributionTagger
    from sayso.nlp.pipeline import load_nlp
    from sayso.training import crf

    out = tmp_path / "models"
    assert crf.main(["--data", str(corpus), "--out", str(out), "--iterations", "30"]) == 0
    assert (out / CUE_MODEL).stat().st_size > 0 and (out / ROLE_MODEL).stat().st_size > 0
    tagger = CrfAttributionTagger(out)
    text = (MINI / "dev" / "text").glob("*.txt").__next__().read_text(encoding="utf-8")
    found = tagger(load_nlp()(text))
    assert found, "a tagger trained on these articles finds attributions in one of them"


@pytest.mark.slow
def test_neural_recipe_tunes_only_the_top_layers_and_the_loss_falls(corpus, tmp_path, capsys):
    torch = pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from sayso.attribution.encoder import MiniLMEncoder
    from sayso.attribution.neural import ENCODER_PREFIX, NEURAL_MODEL, NeuralAttributionTagger
    from sayso.training import neural

    out = tmp_path / "models"
    assert neural.main(["--data", str(corpus), "--out", str(out), "--epochs", "3",
                        "--tune-layers", "1", "--threads", "1", "--holdout", "1"]) == 0
    printed = capsys.readouterr().out
    losses = [float(x) for x in re.findall(r"loss (\d+)", printed)]
    assert len(losses) == 6  # the hold-out model, then the final one
    assert losses[2] < losses[0] and losses[5] < losses[3]
    chosen = float(re.search(r"chose cue bias ([\d.]+)", printed).group(1))
    assert chosen in neural.CUE_BIASES
    assert list(out.iterdir()) == [out / NEURAL_MODEL]  # the hold-out model is gone

    state = torch.load(out / NEURAL_MODEL, weights_only=True)
    layers = {k.split(".")[3] for k in state if k.startswith(ENCODER_PREFIX)}
    assert layers == {"5"}  # only the top layer of six was tuned and saved
    base = MiniLMEncoder().model.state_dict()
    key = "encoder.layer.5.output.dense.weight"
    # moved by training, by more than float16 rounding (about 3e-5 here)
    assert (state[ENCODER_PREFIX + key].float() - base[key]).abs().max() > 2e-4

    tagger = NeuralAttributionTagger(out, quantize=False)
    assert torch.allclose(tagger.encoder.model.state_dict()[key], state[ENCODER_PREFIX + key].float())
    assert tagger.cue_bias == chosen
