/**
 * Post-market surveillance policy (issue 16 item 5): an operator's rules, as data, for when a vulnerability
 * in a labelled product should be put to the operator as a proposal (for example, to suspend the label). A
 * proposal is evidence for a decision, never the decision: the registry applies nothing by itself.
 */
package io.iotseal.surveillance;
