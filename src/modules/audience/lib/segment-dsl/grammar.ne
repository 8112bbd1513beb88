# Segment DSL. `npm run grammar` compiles this file to grammar.ts (generated, never edited by hand).
@preprocessor typescript

@{%
import { lexer } from "./lexer"
import * as build from "./build"
%}

@lexer lexer

main -> expr {% build.first %}

expr -> expr %kw_or conjunction {% build.binary("or") %}
      | conjunction {% build.first %}

conjunction -> conjunction %kw_and negation {% build.binary("and") %}
             | negation {% build.first %}

negation -> %kw_not negation {% build.not %}
          | atom {% build.first %}

atom -> %lparen expr %rparen {% build.second %}
      | condition {% build.first %}
      | call {% build.first %}
      | call %op value {% build.callCompare %}

condition -> field %op value {% build.compare %}
           | field %kw_in list {% build.inList(false) %}
           | field %kw_not %kw_in list {% build.notInList %}
           | field %kw_contains %string {% build.text("contains") %}
           | field %kw_starts %kw_with %string {% build.startsWith %}
           | field %kw_between value %kw_and value {% build.between %}
           | field %kw_is %kw_null {% build.isNull(false) %}
           | field %kw_is %kw_not %kw_null {% build.isNotNull %}

field -> %identifier {% build.field %}
       | %identifier %dot %identifier {% build.keyedField %}

list -> %lparen values %rparen {% build.second %}

values -> value {% build.list %}
        | values %comma value {% build.append %}

value -> %string {% build.literal %}
       | %number {% build.literal %}
       | %kw_true {% build.literal %}
       | %kw_false {% build.literal %}
       | %datetime {% build.literal %}
       | %duration {% build.literal %}

call -> %identifier %lparen %rparen {% build.call %}
      | %identifier %lparen arguments %rparen {% build.call %}

arguments -> argument {% build.list %}
           | arguments %comma argument {% build.append %}

argument -> %kw_within %duration {% build.within %}
          | %identifier %op value {% build.filterArgument %}
          | %identifier %kw_in list {% build.inArgument %}
          | value {% build.literalArgument %}
